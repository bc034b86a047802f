package org.reclaim.workloads.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.rust.Ast;
import org.reclaim.workloads.rust.BorrowChecker;
import org.reclaim.workloads.rust.Diagnostic;
import org.reclaim.workloads.rust.Interpreter;
import org.reclaim.workloads.rust.SourceParser;
import org.reclaim.workloads.rust.Steps;

/**
 * A scenario written in Rust: a {@code .rs} file parsed by the lab's front end, checked statically
 * as rustc checks it, and run by the interpreter under each manager. Its listing is the file's
 * lines, a {@code // C only} comment marking the C programmer's explicit frees.
 */
public final class RustScenario extends Scenario {
    private static final String C_ONLY_MARK = "// C only";

    private final String name, description, source, file;
    private final List<Listing.Line> lines;
    private final Ast.Program program;
    private final List<Diagnostic> errors;

    /**
     * Reads {@code source}; {@code file} names it in errors.
     *
     * @throws org.reclaim.workloads.rust.RustSyntaxError if it is not in the subset, naming the construct and FILE:LINE:COL
     */
    public RustScenario(String name, String description, String file, String source) {
        this.name = name;
        this.description = description;
        this.source = source;
        this.file = file;
        this.program = SourceParser.parse(file, source);
        this.errors = BorrowChecker.check(file, program);
        List<Listing.Line> ls = new ArrayList<>();
        String[] text = source.split("\n", -1);
        int n = text.length;
        while (n > 0 && text[n - 1].isBlank()) n--;
        for (int i = 0; i < n; i++) {
            String t = text[i].stripTrailing();
            boolean cOnly = t.endsWith(C_ONLY_MARK);
            if (cOnly) t = t.substring(0, t.length() - C_ONLY_MARK.length()).stripTrailing();
            ls.add(new Listing.Line(i, t, cOnly));
        }
        this.lines = List.copyOf(ls);
    }

    /** Reads the {@code .rs} file at {@code path}; the scenario is named after the file. */
    public static RustScenario read(Path path) {
        try {
            String file = path.getFileName().toString();
            String name = file.endsWith(".rs") ? file.substring(0, file.length() - 3) : file;
            return new RustScenario(name, "the Rust program " + file, path.toString(), Files.readString(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Reads a scenario shipped as the resource {@code scenarios/NAME.rs}. */
    static RustScenario resource(String name, String description) {
        String path = "/scenarios/" + name + ".rs";
        try (InputStream in = RustScenario.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new RustScenario(name, description, name + ".rs", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public String name() { return name; }

    @Override public String description() { return description; }

    @Override public List<Listing.Line> lines() { return lines; }

    /** The source text, as read. */
    public String source() { return source; }

    /** What the static checker found: rustc's errors; empty if the program compiles. */
    @Override public List<Diagnostic> compileErrors() { return errors; }

    @Override public boolean validRust() { return errors.isEmpty(); }

    @Override
    public long play(Mutator m, Steps steps) {
        return play(m, steps, m instanceof MemoryManager mm ? familyOf(mm.name()) : "jvm");
    }

    @Override
    public long play(Mutator m, Steps steps, String family) {
        if (family.equals("ownership") && !errors.isEmpty()) {
            Diagnostic d = errors.get(0);
            throw new MemoryFault(MemoryFault.Kind.OWNERSHIP, d.code(), "rustc rejects this program: " + d);
        }
        return new Interpreter(file, program, m, steps, family).run();
    }

    private static String familyOf(String manager) {
        return Managers.all().stream().filter(i -> i.name().equals(manager)).map(Managers.Info::family).findFirst().orElse("");
    }
}
