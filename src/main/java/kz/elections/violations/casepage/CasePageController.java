package kz.elections.violations.casepage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /cases/{caseNumber}}: the case page of the people who work the case (prosecutors, the case's
 * district commission, the CEC). The page is a static file that reads {@code /api/cases/{caseNumber}},
 * so the project API decides who reads which case; the page says "not found or not yours" on a 404.
 */
@Controller
class CasePageController {

    @GetMapping("/cases/{caseNumber}")
    String page(@PathVariable String caseNumber) {
        return "forward:/case/index.html";
    }
}
