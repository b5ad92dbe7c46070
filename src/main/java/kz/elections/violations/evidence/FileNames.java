package kz.elections.violations.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import kz.elections.violations.files.FileType;

/**
 * A file's name as its sender gave it, kept for display and download only: never a path, never a type.
 * Kept: the last segment after any {@code /} or {@code \}, trimmed, without control and invisible
 * formatting characters (a right-to-left override could show {@code photo\u202Egpj.exe} as
 * {@code photoexe.jpg}), at most {@value #MAX_LENGTH} characters. A download's name ends with the
 * extension of the type the content was told to be, so that a JPEG sent as {@code page.html} is saved
 * as {@code page.html.jpg} and opened as the picture it is.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The name to record and show; "evidence.&lt;extension&gt;" when nothing of the given name is left. */
    static String shown(String given, FileType type) {
        String name = given == null ? "" : given;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE
                        && Character.getType(c) != Character.LINE_SEPARATOR
                        && Character.getType(c) != Character.PARAGRAPH_SEPARATOR)
                .forEach(kept::appendCodePoint);
        String trimmed = kept.toString().strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            trimmed = trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return trimmed.isEmpty() || trimmed.equals(".") || trimmed.equals("..") ? "evidence." + type.extension() : trimmed;
    }

    /** The name a download is saved as: the shown name, with the type's extension unless it has it. */
    static String download(String shown, FileType type) {
        String lower = shown.toLowerCase(Locale.ROOT);
        for (String extension : extensions(type)) {
            if (lower.endsWith("." + extension)) {
                return shown;
            }
        }
        return shown + "." + type.extension();
    }

    /** {@code attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>} (RFC 6266, RFC 8187). */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean attrChar = c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0);
            encoded.append(attrChar ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String[] extensions(FileType type) {
        return switch (type.extension()) {
            case "jpg" -> new String[] {"jpg", "jpeg", "jpe"};
            case "heic" -> new String[] {"heic", "heif"};
            case "mp4" -> new String[] {"mp4", "m4v"};
            default -> new String[] {type.extension()};
        };
    }
}
