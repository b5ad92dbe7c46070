package kz.elections.violations.demo;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@Profile("demo")
class BriefingReadWaitConfiguration {

    @Bean
    FilterRegistrationBean<BriefingReadWait> briefingReadWait(DemoBriefing briefing) {
        FilterRegistrationBean<BriefingReadWait> registration = new FilterRegistrationBean<>(new BriefingReadWait(briefing,
                Briefing2023.load().elections().stream().map(Briefing2023.ElectionSpec::id)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet())));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
