package cn.wushe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Wushe 五社联动: the modular monolith's entry point. */
@SpringBootApplication
public class WusheApplication {

    public static void main(String[] args) {
        SpringApplication.run(WusheApplication.class, args);
    }
}
