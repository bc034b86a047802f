package org.reclaim.lab;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the lab's command line in this JVM, with what it printed. */
public record LabOutput(int exit, String out, String err) {
    public static LabOutput run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            var cl = Lab.commandLine();
            cl.setErr(new PrintWriter(err, true));
            exit = cl.execute(args);
        } finally {
            System.setOut(saved);
        }
        return new LabOutput(exit, bytes.toString(StandardCharsets.UTF_8), err.toString());
    }
}
