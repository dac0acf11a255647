package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthyTest {
    @Test
    void addsUp() {
        assertEquals(4, 2 + 2);
    }
}
