package kz.elections.violations.evidence;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/cases/{caseNumber}/evidence}: add a file (multipart/form-data, part {@code file}, optional
 * {@code note} and {@code corrects}), list the case's files, download one. There is no route that changes
 * or removes a file.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/evidence")
class CaseEvidenceController {

    /** The header of a download that carries the file's recorded SHA-256, hexadecimal. */
    static final String SHA256_HEADER = "X-Content-SHA256";
    /** A download is never run or shown inline by a browser, even if opened directly. */
    static final String DOWNLOAD_POLICY = "sandbox; default-src 'none'";

    private final CaseEvidenceService evidence;

    CaseEvidenceController(CaseEvidenceService evidence) {
        this.evidence = evidence;
    }

    @PostMapping
    ResponseEntity<EvidenceFile> add(@PathVariable String caseNumber,
                                     @RequestParam(name = "file", required = false) MultipartFile file,
                                     @RequestParam(name = "note", required = false) String note,
                                     @RequestParam(name = "corrects", required = false) String corrects) {
        EvidenceFile added = evidence.add(caseNumber, file, note, corrects);
        return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/evidence/" + added.id())).body(added);
    }

    /** The case's files, oldest first; {@code Allow} says whether the user may add one ({@code GET, POST}). */
    @GetMapping
    ResponseEntity<List<EvidenceFile>> list(@PathVariable String caseNumber) {
        List<EvidenceFile> files = evidence.list(caseNumber);
        return ResponseEntity.ok().header(HttpHeaders.ALLOW, evidence.mayAdd() ? "GET, POST" : "GET").body(files);
    }

    @GetMapping("/{id}")
    void download(@PathVariable String caseNumber, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        CaseEvidenceService.Download download = evidence.download(caseNumber, id);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(download.file().contentType());
        response.setContentLengthLong(download.content().length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(download.downloadName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", DOWNLOAD_POLICY);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader(SHA256_HEADER, download.file().sha256());
        response.getOutputStream().write(download.content());
    }
}
