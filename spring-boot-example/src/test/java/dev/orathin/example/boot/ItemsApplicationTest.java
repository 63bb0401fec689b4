package dev.orathin.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #17: the Spring Boot application starts against the testkit's ADB flow (TCPS, the
 * listener hand-off, a wallet found through TNS_ADMIN) with nothing but its application.properties
 * — the URL naming the alias, user and password — runs its Flyway migrations and serves its
 * Spring Data JDBC repository.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ItemsApplicationTest {

    @Test
    void startsMigratesAndServesTheRepository(@TempDir Path dir) {
        try (TestDatabase db = TestDatabase.builder().user("app", "App#Boot2026").build();
                OracleTestServer server = OracleTestServer.builder().tcps().service("mydb_high").database(db).build().start()) {
            Path wallet = server.writeClientConfig(dir, "Welcome1#Wallet".toCharArray());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ItemsApplication.class)
                    .properties("ORATHIN_TNS_ADMIN=" + wallet, "ORATHIN_USER=app", "ORATHIN_PASSWORD=App#Boot2026").run()) {
                Flyway flyway = app.getBean(Flyway.class);
                assertEquals(2, flyway.info().applied().length, "V1 and V2 applied at start-up");
                ItemRepository items = app.getBean(ItemRepository.class);
                assertEquals(2, items.count());
                Item saved = items.save(new Item(null, "eraser", new BigDecimal("0.40")));
                assertNotNull(saved.id(), "the identity value came back through getGeneratedKeys");
                List<Item> cheap = items.cheaperThan(new BigDecimal("1.00"));
                assertEquals(List.of("eraser", "pencil"), cheap.stream().map(Item::name).toList());
                assertTrue(items.findById(saved.id()).isPresent());
                items.deleteById(saved.id());
                assertEquals(2, items.count());
            }
        }
    }
}
