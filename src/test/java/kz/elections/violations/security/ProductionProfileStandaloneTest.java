package kz.elections.violations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import kz.elections.violations.ElectionViolationsApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Any profile but demo: no default users, and no start without an administrator from the environment. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileStandaloneTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--spring.profiles.active=production";
        args[1] = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("prod") + ";DB_CLOSE_ON_EXIT=FALSE";
        args[2] = "--server.port=0";
        args[3] = "--camunda.bpm.process-engine-name=production-test";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new SpringApplicationBuilder(ElectionViolationsApplication.class).run(args);
    }

    @Test
    void refusesToStartWithoutAnAdministrator() {
        assertThatThrownBy(this::start)
                .hasStackTraceContaining("ELECTIONS_ADMIN_USER and ELECTIONS_ADMIN_PASSWORD");
    }

    @Test
    void startsWithAnAdministratorFromTheEnvironmentAndNoDemoUsers(CapturedOutput output) {
        String password = "s3cret-Admin-passw0rd";
        try (ConfigurableApplicationContext app = start("--elections.admin.user=chief",
                "--elections.admin.password=" + password)) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("chief", password)).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup("admins").userId("chief").count()).isEqualTo(1);
            String stored = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'chief'", String.class);
            assertThat(stored).isNotBlank().doesNotContain(password).startsWith("{SHA-512}");
            assertThat(identity.createUserQuery().userIdIn("demo", "prosecutor", "cec", "commission1", "auditor",
                    "prosecutor-almaty", "prosecutor-astana").count()).isZero();
            // the regional prosecutors' offices are the structure of the service: in every profile
            assertThat(identity.createGroupQuery().groupIdIn("prosecutors-almaty", "prosecutors-turkistan").list())
                    .extracting(org.camunda.bpm.engine.identity.Group::getName)
                    .containsExactlyInAnyOrder("Алматы қаласының прокуратурасы / Прокуратура города Алматы",
                            "Түркістан облысының прокуратурасы / Прокуратура Туркестанской области");
            assertThat(identity.createGroupQuery().groupNameLike("% / Прокуратура %").count()).isEqualTo(20);
        }
        assertThat(output.getAll()).doesNotContain(password);
    }
}
