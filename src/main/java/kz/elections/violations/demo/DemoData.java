package kz.elections.violations.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionLevel;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.election.ElectionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's users, groups and one election, so that a new user can log in and start a case
 * at once. Created only where missing: a restart adds nothing twice. The regional prosecutors' offices'
 * groups are not demo data (regionaloffices.RegionalOfficeGroups creates them in every profile, before
 * this); two demo users work in the offices of Almaty and Astana.
 */
@Component
@Profile("demo")
public class DemoData {

    public static final String DEMO_ELECTION_ID = "demo-election";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<String[]> GROUPS = List.of(
            new String[] {"admins", "Әкімшілер / Администраторы"},
            new String[] {"prosecutors", "Прокурорлар / Прокуроры"},
            new String[] {"cec", "Орталық сайлау комиссиясы / Центральная избирательная комиссия"},
            new String[] {"dec-1", "№ 1 округтік сайлау комиссиясы / Окружная избирательная комиссия № 1"},
            new String[] {"dec-2", "№ 2 округтік сайлау комиссиясы / Окружная избирательная комиссия № 2"},
            new String[] {"auditors", "Аудиторлар / Аудиторы"});

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("prosecutor", "Прокурор", "(демо)", "prosecutors"),
            // regional prosecutors' offices: their groups are created in every profile (regionaloffices)
            new DemoUser("prosecutor-almaty", "Алматы қаласының прокуроры / Прокурор города Алматы", "(демо)",
                    "prosecutors-almaty"),
            new DemoUser("prosecutor-astana", "Астана қаласының прокуроры / Прокурор города Астаны", "(демо)",
                    "prosecutors-astana"),
            new DemoUser("cec", "ОСК мүшесі / Член ЦИК", "(демо)", "cec"),
            new DemoUser("commission1", "1-ОСК мүшесі / Член ОИК № 1", "(демо)", "dec-1"),
            new DemoUser("commission2", "2-ОСК мүшесі / Член ОИК № 2", "(демо)", "dec-2"),
            new DemoUser("auditor", "Аудитор", "(демо)", "auditors"));

    /** A demo user's e-mail address: {@code commission1@example.org}. */
    public static String demoEmail(String userId) {
        return userId + "@example.org";
    }

    private final IdentityService identityService;
    private final ElectionRepository elections;
    private final ElectionService electionService;

    public DemoData(IdentityService identityService, ElectionRepository elections, ElectionService electionService) {
        this.electionService = electionService;
        this.identityService = identityService;
        this.elections = elections;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void create() {
        for (String[] group : GROUPS) {
            if (identityService.createGroupQuery().groupId(group[0]).count() == 0) {
                Group created = identityService.newGroup(group[0]);
                created.setName(group[1]);
                created.setType("WORKFLOW");
                identityService.saveGroup(created);
            }
        }
        for (DemoUser demoUser : USERS) {
            if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
                User user = identityService.newUser(demoUser.id());
                user.setFirstName(demoUser.firstName());
                user.setLastName(demoUser.lastName());
                user.setPassword(demoUser.id());
                user.setEmail(demoEmail(demoUser.id()));
                identityService.saveUser(user);
                identityService.createMembership(demoUser.id(), demoUser.group());
            }
        }
        // demo users of an older database, and the demo administrator, get their address too
        for (String userId : java.util.stream.Stream.concat(USERS.stream().map(DemoUser::id), java.util.stream.Stream.of("demo"))
                .toList()) {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user != null && (user.getEmail() == null || user.getEmail().isBlank())) {
                user.setEmail(demoEmail(userId));
                identityService.saveUser(user);
            }
        }
        if (identityService.createUserQuery().userId("demo").memberOfGroup("admins").count() == 0
                && identityService.createUserQuery().userId("demo").count() == 1) {
            identityService.createMembership("demo", "admins");
        }
        if (elections.find(DEMO_ELECTION_ID).isEmpty()) {
            ZoneId zone = ZoneId.of("Asia/Almaty");
            LocalDate votingDay = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone).plusDays(60);
            electionService.register(new Election(DEMO_ELECTION_ID, "Mazhilis (demo)", ElectionLevel.MAZHILIS, votingDay,
                    zone.getId()));
            LOG.info("Demo election '{}' created with voting day {}", DEMO_ELECTION_ID, votingDay);
        }
    }
}
