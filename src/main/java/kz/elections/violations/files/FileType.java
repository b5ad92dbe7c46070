package kz.elections.violations.files;

/** A file type the application accepts: the media type it is served back as, and its usual extension. */
public record FileType(String mediaType, String extension) {
}
