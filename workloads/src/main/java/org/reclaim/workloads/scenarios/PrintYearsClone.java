package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;

/**
 * {@code print-years-clone}: the fix for {@code print-years-twice} by {@code .clone()}: the first
 * call gets a copy (a second allocation), the second the original; each call frees what it got.
 */
public final class PrintYearsClone extends Scenario {
    private static final Listing SRC = new Listing();
    static final int FN = SRC.line("fn print_years(years: Vec<i32>) {");
    static final int FOR = SRC.line("    for year in years.iter() {");
    static final int PRINTLN = SRC.line("        println!(\"{}\", year);");
    static final int END_FOR = SRC.line("    }");
    static final int DEALLOC = SRC.cOnly("    dealloc(years);");
    static final int END_FN = SRC.line("}");
    static final int MAIN = SRC.line("fn main() {");
    static final int LET_YEARS = SRC.line("    let years = vec![2001, 2002, 2003, 2004];");
    static final int CALL_CLONE = SRC.line("    print_years(years.clone());");
    static final int CALL = SRC.line("    print_years(years);");
    static final int END_MAIN = SRC.line("}");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "print-years-clone"; }

    @Override public String description() { return "the first call gets a clone: two allocations, each freed by the call that owns it"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override
    public long play(Mutator m, Steps s) {
        try (Scope main = m.scope()) {
            s.at(MAIN);
            s.at(LET_YEARS);
            int years = vec(m, "Vec<i32>", "years", 2001, 2002, 2003, 2004);
            s.at(CALL_CLONE);
            long printed = printYears(m, s, years, true);
            s.at(CALL);
            printed += printYears(m, s, years, false);
            s.at(END_MAIN);
            return printed;
        }
    }

    /**
     * {@code print_years(arg)}, or {@code print_years(arg.clone())}: the clone is the call's
     * argument, so it belongs to the callee's frame under every manager (in Rust it is moved in; in
     * a managed language the caller keeps no reference to the temporary).
     */
    private static long printYears(Mutator m, Steps s, int arg, boolean cloneIt) {
        try (Scope fn = m.scope()) {
            int years = cloneIt ? m.cloneDeep(arg) : m.move(arg);
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
