package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;

/**
 * {@code print-years-twice}: {@code years} moved into {@code print_years} twice. Rust rejects the
 * second call (E0382, use of moved value); the C version, whose {@code print_years} frees what it
 * is given, reads freed memory and then frees it again.
 */
public final class PrintYearsTwice extends Scenario {
    private static final Listing SRC = new Listing();
    static final int FN = SRC.line("fn print_years(years: Vec<i32>) {");
    static final int FOR = SRC.line("    for year in years.iter() {");
    static final int PRINTLN = SRC.line("        println!(\"{}\", year);");
    static final int END_FOR = SRC.line("    }");
    static final int DEALLOC = SRC.cOnly("    dealloc(years);");
    static final int END_FN = SRC.line("}");
    static final int MAIN = SRC.line("fn main() {");
    static final int LET_YEARS = SRC.line("    let years = vec![2001, 2002, 2003, 2004];");
    static final int CALL_1 = SRC.line("    print_years(years);");
    static final int CALL_2 = SRC.line("    print_years(years);");
    static final int END_MAIN = SRC.line("}");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "print-years-twice"; }

    @Override public String description() { return "a Vec moved into a function twice: E0382 in Rust, use after free and double free in C"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override public boolean validRust() { return false; }

    @Override
    public long play(Mutator m, Steps s) {
        try (Scope main = m.scope()) {
            s.at(MAIN);
            s.at(LET_YEARS);
            int years = vec(m, "Vec<i32>", "years", 2001, 2002, 2003, 2004);
            s.at(CALL_1);
            long printed = printYears(m, s, years);
            s.at(CALL_2);
            printed += printYears(m, s, years);
            s.at(END_MAIN);
            return printed;
        }
    }

    /** {@code print_years(years)}: the argument is moved in on the caller's line; the callee frees it. */
    private static long printYears(Mutator m, Steps s, int arg) {
        try (Scope fn = m.scope()) {
            int years = m.move(arg);
            m.name(years, "years");
            s.at(FN);
            long printed = sum(m, s, FOR, PRINTLN, years, "years");
            s.at(DEALLOC);
            m.free(years);
            s.at(END_FN);
            return printed;
        }
    }
}
