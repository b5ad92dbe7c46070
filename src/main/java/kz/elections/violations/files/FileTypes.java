package kz.elections.violations.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells photos, videos and PDF documents by their signature: JPEG, PNG, GIF, WebP, HEIC/HEIF, MP4, QuickTime
 * and PDF. Anything else (HTML, SVG, scripts, archives, office documents, executables) is none of them,
 * whatever its name says.
 */
public final class FileTypes {

    public static final FileType JPEG = new FileType("image/jpeg", "jpg");
    public static final FileType PNG = new FileType("image/png", "png");
    public static final FileType GIF = new FileType("image/gif", "gif");
    public static final FileType WEBP = new FileType("image/webp", "webp");
    public static final FileType HEIC = new FileType("image/heic", "heic");
    public static final FileType MP4 = new FileType("video/mp4", "mp4");
    public static final FileType QUICKTIME = new FileType("video/quicktime", "mov");
    public static final FileType PDF = new FileType("application/pdf", "pdf");

    /** Every accepted type. */
    public static final List<FileType> ACCEPTED = List.of(JPEG, PNG, GIF, WEBP, HEIC, MP4, QUICKTIME, PDF);

    /** How many of a file's first bytes {@link #detect} reads. */
    public static final int SIGNATURE_LENGTH = 16;

    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
            "msf1");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "dash", "M4V ", "3gp4", "3gp5", "3gp6", "3g2a", "mmp4");

    private FileTypes() {
    }

    /** The type of a file whose content starts with these bytes, if it is one the application accepts. */
    public static Optional<FileType> detect(byte[] content) {
        if (content == null || content.length < 4) {
            return Optional.empty();
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(content, 0, 6).equals("GIF87a") || ascii(content, 0, 6).equals("GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(content, 0, 4).equals("RIFF") && ascii(content, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(content, 0, 5).equals("%PDF-")) {
            return Optional.of(PDF);
        }
        if (ascii(content, 4, 4).equals("ftyp")) {
            String brand = ascii(content, 8, 4);
            if (HEIC_BRANDS.contains(brand)) {
                return Optional.of(HEIC);
            }
            if (brand.equals("qt  ")) {
                return Optional.of(QUICKTIME);
            }
            if (MP4_BRANDS.contains(brand)) {
                return Optional.of(MP4);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int... signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] content, int from, int length) {
        if (content.length < from + length) {
            return "";
        }
        return new String(Arrays.copyOfRange(content, from, from + length), StandardCharsets.ISO_8859_1);
    }
}
