package sfa.backend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform: REST API, security against Keycloak, MongoDB, labs, progress and reports. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class SmartFactoryAcademy {

    public static void main(String[] args) {
        SpringApplication.run(SmartFactoryAcademy.class, args);
    }
}
