package kz.elections.violations.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A file's type comes from its first bytes; a script or a page named like a photo is no photo. */
class FileTypesTest {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void photosVideosAndPdfAreToldByTheirSignature() {
        assertThat(FileTypes.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains(FileTypes.JPEG);
        assertThat(FileTypes.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).contains(FileTypes.PNG);
        assertThat(FileTypes.detect(ascii("GIF89a\u0001\u0000"))).contains(FileTypes.GIF);
        assertThat(FileTypes.detect(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).contains(FileTypes.WEBP);
        assertThat(FileTypes.detect(ascii("%PDF-1.7\n"))).contains(FileTypes.PDF);
        assertThat(FileTypes.detect(ascii("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000"))).contains(FileTypes.HEIC);
        assertThat(FileTypes.detect(ascii("\u0000\u0000\u0000\u0020ftypisom\u0000\u0000"))).contains(FileTypes.MP4);
        assertThat(FileTypes.detect(ascii("\u0000\u0000\u0000\u0014ftypqt  \u0000\u0000"))).contains(FileTypes.QUICKTIME);
    }

    @Test
    void pagesScriptsArchivesAndEmptyFilesAreNone() {
        assertThat(FileTypes.detect(ascii("<html><script>alert(1)</script>"))).isEmpty();
        assertThat(FileTypes.detect(ascii("<?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>"))).isEmpty();
        assertThat(FileTypes.detect(ascii("#!/bin/sh\nrm -rf /"))).isEmpty();
        assertThat(FileTypes.detect(bytes('P', 'K', 3, 4, 20, 0))).isEmpty();
        assertThat(FileTypes.detect(bytes('M', 'Z', 0x90, 0))).isEmpty();
        assertThat(FileTypes.detect(ascii("\u0000\u0000\u0000\u0018ftypM4A \u0000\u0000"))).isEmpty();
        assertThat(FileTypes.detect(new byte[0])).isEmpty();
        assertThat(FileTypes.detect(null)).isEmpty();
    }
}
