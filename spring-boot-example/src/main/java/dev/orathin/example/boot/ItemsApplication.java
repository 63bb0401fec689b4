package dev.orathin.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot service on orathin. Its whole database configuration is in
 * {@code application.properties}: the JDBC URL naming an ADB alias with {@code TNS_ADMIN} (the
 * unzipped wallet: tnsnames.ora, sqlnet.ora, cwallet.sso), the user and the password. Flyway
 * migrates the schema at start-up ({@code db/migration}) and {@link ItemRepository} is a Spring
 * Data JDBC repository.
 */
@SpringBootApplication
public class ItemsApplication {

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(ItemsApplication.class, args);
    }
}
