package com.example.pricing.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

public class QuoteCounterTest {

    @Test
    public void theNextVersionContinuesTheCount() {
        QuoteCounter leaving = new QuoteCounter(1);
        leaving.next();
        leaving.next();
        QuoteCounter arriving = new QuoteCounter(1);
        arriving.take(leaving.export());
        assertEquals(3, arriving.next());
    }

    @Test
    public void aStateOfAnotherFormatIsRefusedAndTheCountKept() {
        QuoteCounter arriving = new QuoteCounter(2);
        arriving.next();
        assertThrows(IllegalArgumentException.class, () -> arriving.take(Map.of("quotes", 40L, "format", 1)));
        assertEquals(1, arriving.quotes());
    }

    @Test
    public void theCountSurvivesAStopInTheDataArea() throws Exception {
        Path file = Files.createTempDirectory("quotes").resolve(QuoteCounter.FILE);
        QuoteCounter before = new QuoteCounter(1);
        before.next();
        before.save(file);
        QuoteCounter after = new QuoteCounter(1);
        after.load(file);
        assertEquals(1, after.quotes());
    }
}
