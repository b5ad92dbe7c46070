package kz.elections.violations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ElectionViolationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ElectionViolationsApplication.class, args);
    }
}
