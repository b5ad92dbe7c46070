package kz.elections.violations.complaints;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import kz.elections.violations.api.ApiExceptionHandler;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.partners.Partner;
import kz.elections.violations.partners.PartnerKeys;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code /api/complaints}: a complaint from the public or a partner (JSON, or multipart with its files), its
 * public status by tracking number, and for the staff who may read them the list, one complaint and its
 * files (downloaded as attachments only). Who reads which: {@link ComplaintAccess}.
 */
@RestController
@RequestMapping(ComplaintConfiguration.COMPLAINTS_PATH)
class ComplaintController {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final int MAX_PAGE_SIZE = 500;

    private final ComplaintIntake intake;
    private final Complaints complaints;
    private final ComplaintFiles files;
    private final ComplaintAccess access;
    private final ComplaintWords words;
    private final PartnerKeys partners;
    private final CurrentUser currentUser;
    private final TaskService tasks;
    private final ObjectMapper json;

    ComplaintController(ComplaintIntake intake, Complaints complaints, ComplaintFiles files, ComplaintAccess access,
                        ComplaintWords words, PartnerKeys partners, CurrentUser currentUser, TaskService tasks,
                        ObjectMapper json) {
        this.intake = intake;
        this.complaints = complaints;
        this.files = files;
        this.access = access;
        this.words = words;
        this.partners = partners;
        this.currentUser = currentUser;
        this.tasks = tasks;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ComplaintIntake.Receipt> submit(@RequestBody ComplaintRequest complaint, HttpServletRequest request) {
        return received(intake.submit(complaint, List.of(), submitter(request), language(request),
                idempotencyKey(request)));
    }

    /** The multipart form of the public page: a part {@code complaint} with the JSON, parts {@code files}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ComplaintIntake.Receipt> submitWithFiles(MultipartHttpServletRequest request) throws IOException {
        ComplaintRequest complaint = complaintPart(request);
        List<ComplaintFiles.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : request.getFiles("files")) {
            uploads.add(new ComplaintFiles.Upload(file.getOriginalFilename(), file.getBytes()));
        }
        return received(intake.submit(complaint, uploads, submitter(request), language(request),
                idempotencyKey(request)));
    }

    /**
     * Without credentials, the public status; with them, the complaint for a reader of it (404 for another
     * region's, 403 for a user who reads no complaints).
     */
    @GetMapping("/{trackingNumber}")
    Object one(@PathVariable String trackingNumber,
               @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        boolean staff = currentUser.id() != null;
        if (staff) {
            access.readableRegions();
        }
        Complaint complaint = find(trackingNumber);
        if (!staff) {
            String language = ComplaintWords.language(acceptLanguage);
            return new ComplaintViews.PublicStatus(complaint.trackingNumber(), complaint.status().name(),
                    complaint.receivedAt(), words.answer(complaint, language),
                    complaint.status() == ComplaintStatus.RECEIVED ? complaint.answerDueAt() : null);
        }
        access.requireReadable(complaint);
        return view(complaint);
    }

    @GetMapping
    ComplaintViews.ComplaintPage list(@RequestParam(required = false) String status,
                                      @RequestParam(required = false) String region,
                                      @RequestParam(required = false) String electionId,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        Set<String> readable = access.readableRegions();
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        ComplaintStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = Arrays.stream(ComplaintStatus.values()).filter(known -> known.name().equals(status)).findFirst()
                    .orElse(null);
            if (wanted == null) {
                problems.add(new FieldProblem("status", "must be one of " + Arrays.toString(ComplaintStatus.values())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Collection<String> regions = readable;
        if (region != null && !region.isBlank()) {
            regions = readable == null || readable.contains(region) ? List.of(region) : List.of();
        }
        Complaints.Filter filter = new Complaints.Filter(regions, wanted,
                electionId == null || electionId.isBlank() ? null : electionId);
        List<ComplaintViews.ComplaintSummary> items = complaints.page(filter, page, size).stream()
                .map(ComplaintViews.ComplaintSummary::of).toList();
        return new ComplaintViews.ComplaintPage(page, size, complaints.count(filter), items);
    }

    /**
     * A complaint's file, only ever as a download: never shown in the browser (attachment), never sniffed
     * into another type, sandboxed should a browser render it anyway, not cached.
     */
    @GetMapping("/{trackingNumber}/files/{fileId}")
    void file(@PathVariable String trackingNumber, @PathVariable long fileId, HttpServletResponse response)
            throws IOException {
        access.readableRegions();
        Complaint complaint = find(trackingNumber);
        access.requireReadable(complaint);
        ComplaintFiles.StoredFile stored = files.ofComplaint(complaint.trackingNumber()).stream()
                .filter(file -> file.id() == fileId).findFirst()
                .orElseThrow(() -> new NotFoundException("No file " + fileId + " in complaint " + trackingNumber));
        byte[] content = files.content(complaint.trackingNumber(), fileId).orElseThrow();
        response.setContentType(stored.contentType());
        response.setContentLength(content.length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(stored.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Checksum-SHA256", stored.sha256());
        response.getOutputStream().write(content);
    }

    @ExceptionHandler(ComplaintFiles.TooLarge.class)
    ProblemDetail tooLarge(ComplaintFiles.TooLarge e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "The complaint's files are too large", e);
        problem.setProperty("errors", ApiExceptionHandler.worded(e.problems(), request));
        return problem;
    }

    @ExceptionHandler(ComplaintIntake.KeyReused.class)
    ProblemDetail keyReused(ComplaintIntake.KeyReused e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key used for another complaint", e);
    }

    @ExceptionHandler(ComplaintIntake.KeyInUse.class)
    ProblemDetail keyInUse(ComplaintIntake.KeyInUse e) {
        return problem(HttpStatus.CONFLICT, "idempotency-key-in-use", "A complaint with this Idempotency-Key is under way",
                e);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("urn:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    private ResponseEntity<ComplaintIntake.Receipt> received(ComplaintIntake.Receipt receipt) {
        return ResponseEntity.created(URI.create(ComplaintConfiguration.COMPLAINTS_PATH + "/" + receipt.trackingNumber()))
                .body(receipt);
    }

    private ComplaintViews.ComplaintView view(Complaint complaint) {
        boolean contact = access.mayTriage(complaint);
        boolean given = complaint.contactName() != null || complaint.contactEmail() != null
                || complaint.contactPhone() != null;
        String partnerName = complaint.partnerId() == null ? null
                : partners.find(complaint.partnerId()).map(Partner::name).orElse(null);
        String taskId = complaint.processInstanceId() == null ? null : currentUser.withoutEngineChecks(() ->
                tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).list().stream()
                        .map(Task::getId).findFirst().orElse(null));
        return new ComplaintViews.ComplaintView(complaint.trackingNumber(), complaint.status().name(),
                complaint.channel().name(), complaint.partnerId(), partnerName, complaint.electionId(),
                complaint.regionCode(), complaint.committedOn(), complaint.place(), complaint.description(),
                complaint.offenderName() == null && complaint.offenderKind() == null ? null
                        : new ComplaintViews.Offender(complaint.offenderName(), complaint.offenderKind()),
                contact && given ? new ComplaintViews.Contact(complaint.contactName(), complaint.contactEmail(),
                        complaint.contactPhone()) : null, given, complaint.anonymous(), complaint.considered(),
                complaint.language(), complaint.receivedAt(), complaint.answerDueAt(), complaint.answeredAt(),
                complaint.answeredBy(), complaint.answerReason(), complaint.caseNumber(), taskId,
                files.ofComplaint(complaint.trackingNumber()));
    }

    private Complaint find(String trackingNumber) {
        String number = TrackingNumbers.normalized(trackingNumber);
        return (TrackingNumbers.SHAPE.matcher(number).matches() ? complaints.find(number)
                : Optional.<Complaint>empty())
                .orElseThrow(() -> new NotFoundException("No complaint with this tracking number"));
    }

    private ComplaintRequest complaintPart(MultipartHttpServletRequest request) throws IOException {
        MultipartFile asFile = request.getFile("complaint");
        String text = asFile != null ? new String(asFile.getBytes(), StandardCharsets.UTF_8)
                : request.getParameter("complaint");
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(List.of(FieldProblem.of("complaint", "complaint.part",
                    "is required: the part holding the complaint's JSON")));
        }
        try {
            return json.readValue(text, ComplaintRequest.class);
        } catch (IOException notTheShape) {
            throw new InvalidRequestException(List.of(FieldProblem.of("complaint", "body.json",
                    "must be a JSON object of the documented shape")));
        }
    }

    private static Submitter submitter(HttpServletRequest request) {
        if (!(request.getAttribute(Submitter.ATTRIBUTE) instanceof Submitter submitter)) {
            throw new IllegalStateException("the complaint submission gate did not run for this request");
        }
        return submitter;
    }

    private static String language(HttpServletRequest request) {
        return ComplaintWords.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > IdempotentSubmissions.KEY_LIMIT
                || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY_HEADER, "must be 1 to " + IdempotentSubmissions.KEY_LIMIT
                    + " visible ASCII characters, such as a UUID");
        }
        return key;
    }
}
