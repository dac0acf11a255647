package com.example.hello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class HelloApplication {
    @GetMapping("/")
    String hello() {
        return "hello";
    }

    public static void main(String[] args) {
        var context = SpringApplication.run(HelloApplication.class, args);
        if (Boolean.getBoolean("exit.after.start")) { // the start-up benchmark: ready, then gone
            System.exit(SpringApplication.exit(context));
        }
    }
}
