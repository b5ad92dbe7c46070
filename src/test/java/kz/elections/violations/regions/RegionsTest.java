package kz.elections.violations.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The regions as data: found by code, name or alias in any of the three languages; listed to anyone. */
class RegionsTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    Regions regions;

    @Test
    void seventeenRegionsAndThreeCitiesEachWithACodeAndThreeNames() {
        assertThat(regions.all()).hasSize(20);
        assertThat(regions.all()).filteredOn(region -> region.kind().equals("CITY")).extracting(Region::code)
                .containsExactly("astana", "almaty", "shymkent");
        Set<String> codes = new HashSet<>();
        for (Region region : regions.all()) {
            assertThat(codes.add(region.code())).as(region.code()).isTrue();
            assertThat(region.code()).matches("[a-z]+(-[a-z]+)*");
            assertThat(region.names()).containsOnlyKeys("kk", "ru", "en").allSatisfy((language, name) ->
                    assertThat(name).as(region.code() + " " + language).isNotBlank());
            assertThat(regions.find(region.code())).contains(region);
            assertThat(regions.ofProsecutorsGroup(region.prosecutorsGroup())).contains(region);
        }
    }

    @Test
    void aRegionIsFoundByCodeNameOrAliasIgnoringCase() {
        assertThat(regions.find("Almaty")).map(Region::code).contains("almaty");
        assertThat(regions.find(" алматы ")).map(Region::code).contains("almaty");
        assertThat(regions.find("Almaty region")).map(Region::code).contains("almaty-region");
        assertThat(regions.find("Алматинская область")).map(Region::code).contains("almaty-region");
        assertThat(regions.find("Туркестанская область")).map(Region::code).contains("turkistan");
        assertThat(regions.find("Turkestan region")).map(Region::code).contains("turkistan");
        assertThat(regions.find("Ақмола облысы")).map(Region::code).contains("akmola");
        assertThat(regions.find("Atlantis")).isEmpty();
        assertThat(regions.find(null)).isEmpty();
        assertThat(regions.ofProsecutorsGroup("prosecutors")).isEmpty();
        assertThat(regions.ofProsecutorsGroup("prosecutors-atlantis")).isEmpty();
    }

    @Test
    void anyoneListsTheRegionsWithoutCredentials() {
        HttpApi http = new HttpApi(port);
        HttpApi.Answer anonymous = http.get(null, "/api/regions");
        assertThat(anonymous.status()).isEqualTo(200);
        JsonNode first = anonymous.body().get(0);
        assertThat(first.get("code").asText()).isEqualTo("astana");
        assertThat(first.get("names").get("kk").asText()).isEqualTo("Астана");
        assertThat(anonymous.body()).hasSize(20);
        assertThat(http.get("auditor", "/api/regions").status()).isEqualTo(200);
        // wrong credentials are refused as anywhere else; other routes still need credentials
        assertThat(http.get("auditor:wrong", "/api/regions").status()).isEqualTo(401);
        assertThat(http.get(null, "/api/elections").status()).isEqualTo(401);
        assertThat(http.send(null, "PUT", "/api/regions", "{}").status()).isEqualTo(401);
    }
}
