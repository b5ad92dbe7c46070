package kz.elections.violations.complaintpage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public complaint page at {@code /complaint/} (its files are static, under {@code static/complaint}). */
@Controller
class ComplaintPagesController {

    @GetMapping("/complaint")
    String folder() {
        return "redirect:/complaint/";
    }

    @GetMapping("/complaint/")
    String index() {
        return "forward:/complaint/index.html";
    }
}
