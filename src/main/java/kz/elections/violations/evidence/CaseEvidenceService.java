package kz.elections.violations.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.api.TextLimits;
import kz.elections.violations.cases.CaseAccess;
import kz.elections.violations.files.FileType;
import kz.elections.violations.files.FileTypes;
import kz.elections.violations.files.Sha256;
import kz.elections.violations.regions.Regions;
import kz.elections.violations.reporting.CaseReportRepository;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Adds, lists and hands out a case's evidence. Who reads the case reads its evidence ({@link CaseAccess}
 * decides); the case's prosecutors add: members of {@code prosecutors} and of a regional prosecutors' group
 * ({@code prosecutors-<region>}) who may read the case. Administrators read the evidence and add none
 * (a file on a case is a prosecutor's act; an administrator's repair of a case goes through the engine
 * with a reason). A file's type is told by its content alone; the name and the type its sender claims
 * are not trusted.
 */
@Service
class CaseEvidenceService {

    /** The note's length in characters. */
    static final int NOTE_LENGTH = 2_000;
    private static final int NUMBERING_ATTEMPTS = 5;
    private static final String ACCEPTED = "a photo (JPEG, PNG, GIF, WebP, HEIC), a video (MP4, QuickTime) or a PDF";

    private final CaseEvidenceStore store;
    private final CaseReportRepository reports;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final EvidenceSettings settings;
    private final TransactionTemplate transaction;

    CaseEvidenceService(CaseEvidenceStore store, CaseReportRepository reports, CaseAccess access,
                        CurrentUser currentUser, EvidenceSettings settings, PlatformTransactionManager transactions) {
        this.store = store;
        this.reports = reports;
        this.access = access;
        this.currentUser = currentUser;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A file to hand out: its record, the bytes, the name to save it as and its type. */
    record Download(EvidenceFile file, byte[] content, String downloadName) {
    }

    /** Whether the current user may add evidence to a case they may read. */
    boolean mayAdd() {
        return currentUser.groups().stream().anyMatch(group -> group.equals(CurrentUser.PROSECUTORS)
                || group.startsWith(Regions.PROSECUTORS_GROUP_PREFIX));
    }

    List<EvidenceFile> list(String caseNumber) {
        readableCase(caseNumber);
        return store.ofCase(caseNumber);
    }

    Download download(String caseNumber, String id) {
        readableCase(caseNumber);
        long evidenceId = evidenceId(id).orElseThrow(() -> notFound(caseNumber, id));
        EvidenceFile file = store.find(caseNumber, evidenceId).orElseThrow(() -> notFound(caseNumber, id));
        byte[] content = store.content(caseNumber, evidenceId).orElseThrow(() -> notFound(caseNumber, id));
        if (!Sha256.of(content).equals(file.sha256()) || content.length != file.size()) {
            // the stored bytes are not the ones recorded: never hand them out as the evidence
            throw new IllegalStateException("evidence " + evidenceId + " of case " + caseNumber
                    + " does not match its recorded size and SHA-256");
        }
        FileType type = FileTypes.ACCEPTED.stream().filter(t -> t.mediaType().equals(file.contentType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("evidence " + evidenceId + " has the type "
                        + file.contentType() + ", which is none of the accepted ones"));
        return new Download(file, content, FileNames.download(file.fileName(), type));
    }

    /**
     * Records the file as the current user's evidence on the case, or refuses it (400 naming the field)
     * and records nothing.
     */
    EvidenceFile add(String caseNumber, MultipartFile file, String note, String corrects) {
        String processInstanceId = readableCase(caseNumber);
        if (!mayAdd()) {
            throw new AccessDeniedException("The case's prosecutors add evidence; others read it");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String keptNote = note == null || note.isBlank() ? null : note.strip();
        if (keptNote != null) {
            TextLimits.Broken broken = TextLimits.broken(keptNote, NOTE_LENGTH, true);
            if (broken != null) {
                problems.add(FieldProblem.of("note", broken));
            }
        }
        Long correctsId = corrections(caseNumber, corrects, keptNote, problems);
        FileType type = checkedType(file, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String sha256 = sha256(file);
        String fileName = FileNames.shown(file.getOriginalFilename(), type);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> record(caseNumber, processInstanceId, file, type, sha256, fileName,
                        keptNote, correctsId));
            } catch (DuplicateKeyException taken) {
                // another file of the case got this number at the same moment: count again after it
                if (attempt == NUMBERING_ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    private EvidenceFile record(String caseNumber, String processInstanceId, MultipartFile file, FileType type,
                                String sha256, String fileName, String note, Long correctsId) {
        CaseEvidenceStore.Totals totals = store.totals(caseNumber);
        if (totals.files() >= settings.getMaxFilesPerCase()) {
            throw new InvalidRequestException(List.of(FieldProblem.of("file", "evidence.caseFull", "the case has "
                    + totals.files() + " files, the most a case keeps (evidence.max-files-per-case = "
                    + settings.getMaxFilesPerCase() + ")", totals.files())));
        }
        long maxBytes = settings.getMaxBytesPerCase().toBytes();
        if (totals.bytes() + file.getSize() > maxBytes) {
            throw new InvalidRequestException(List.of(FieldProblem.of("file", "evidence.caseTooLarge", "the case's "
                    + "files would take " + (totals.bytes() + file.getSize()) + " bytes, more than a case keeps "
                    + "(evidence.max-bytes-per-case = " + maxBytes + " bytes)", totals.bytes() + file.getSize(),
                    maxBytes)));
        }
        int number = totals.lastNumber() + 1;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        try (InputStream content = file.getInputStream()) {
            store.insert(new CaseEvidenceStore.NewFile(caseNumber, processInstanceId, number, fileName,
                    type.mediaType(), file.getSize(), sha256, currentUser.id(), now, note, correctsId), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store.byNumber(caseNumber, number)
                .orElseThrow(() -> new IllegalStateException("the evidence just recorded is not there"));
    }

    /** The process instance of a case the user may read; 404 for an unknown case or one the user may not read. */
    private String readableCase(String caseNumber) {
        String processInstanceId = reports.processInstanceIdOf(caseNumber)
                .orElseThrow(() -> new NotFoundException("No case with number " + caseNumber));
        access.requireOneCaseReadable(caseNumber, access.scopeOf(caseNumber)
                .orElseGet(() -> new CaseReportRepository.CaseScope(null, null)));
        return processInstanceId;
    }

    private Long corrections(String caseNumber, String corrects, String note, List<FieldProblem> problems) {
        if (corrects == null || corrects.isBlank()) {
            return null;
        }
        Long id = evidenceId(corrects.strip()).orElse(null);
        if (id == null || store.find(caseNumber, id).isEmpty()) {
            problems.add(FieldProblem.of("corrects", "evidence.corrects",
                    "must be the id of an earlier evidence file of this case"));
            return null;
        }
        if (note == null) {
            problems.add(FieldProblem.of("note", "evidence.noteRequired",
                    "is required with a correction: say what the new file corrects"));
        }
        return id;
    }

    private FileType checkedType(MultipartFile file, List<FieldProblem> problems) {
        if (file == null) {
            problems.add(FieldProblem.of("file", "evidence.fileRequired",
                    "is required: a multipart/form-data part named file"));
            return null;
        }
        if (file.isEmpty()) {
            problems.add(FieldProblem.of("file", "file.empty", "is empty"));
            return null;
        }
        long max = settings.getMaxFileSize().toBytes();
        if (file.getSize() > max) {
            problems.add(FieldProblem.of("file", "evidence.fileTooLarge", "must be at most " + max
                    + " bytes (evidence.max-file-size); this one has " + file.getSize(), max, file.getSize()));
            return null;
        }
        byte[] signature;
        try (InputStream in = file.getInputStream()) {
            signature = in.readNBytes(FileTypes.SIGNATURE_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileType type = FileTypes.detect(signature).orElse(null);
        if (type == null) {
            problems.add(FieldProblem.of("file", "evidence.fileType", "must be " + ACCEPTED + ", told by its "
                    + "content; this one is none of them, whatever its name or declared type", ACCEPTED));
        }
        return type;
    }

    private static String sha256(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return Sha256.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> evidenceId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }

    private static NotFoundException notFound(String caseNumber, String id) {
        return new NotFoundException("No evidence " + TextLimits.quote(String.valueOf(id)) + " in case " + caseNumber);
    }
}
