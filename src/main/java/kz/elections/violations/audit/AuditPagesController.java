package kz.elections.violations.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The auditors' pages are static files under /audit/; this serves the folder's index. */
@Controller
public class AuditPagesController {

    @GetMapping("/audit")
    public String folder() {
        return "redirect:/audit/";
    }

    @GetMapping("/audit/")
    public String index() {
        return "forward:/audit/index.html";
    }
}
