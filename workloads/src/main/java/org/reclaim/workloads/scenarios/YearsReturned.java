package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;

/**
 * {@code years-returned}: a Vec returned from the function that made it. Ownership moves to the
 * caller, so nothing is freed at {@code get_years}'s brace; {@code main}'s brace frees it.
 */
public final class YearsReturned extends Scenario {
    private static final Listing SRC = new Listing();
    static final int FN = SRC.line("fn get_years() -> Vec<i32> {");
    static final int LET_YEARS = SRC.line("    let years = vec![2001, 2002, 2003, 2004];");
    static final int RETURN = SRC.line("    return years;");
    static final int END_FN = SRC.line("}");
    static final int MAIN = SRC.line("fn main() {");
    static final int LET_MAIN = SRC.line("    let years = get_years();");
    static final int PRINT = SRC.line("    println!(\"{:?}\", years);");
    static final int DEALLOC = SRC.cOnly("    dealloc(years);");
    static final int END_MAIN = SRC.line("}");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "years-returned"; }

    @Override public String description() { return "a Vec returned to the caller: ownership moves, the caller's scope frees it"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override
    public long play(Mutator m, Steps s) {
        try (Scope main = m.scope()) {
            s.at(MAIN);
            s.at(LET_MAIN);
            int years = getYears(m, s);
            m.name(years, "years");
            s.at(PRINT);
            long printed = 0;
            for (int i = 0; i < m.length(years); i++) printed += m.read(years, i);
            s.at(DEALLOC);
            m.free(years);
            s.at(END_MAIN);
            return printed;
        }
    }

    private static int getYears(Mutator m, Steps s) {
        try (Scope fn = m.scope()) {
            s.at(FN);
            s.at(LET_YEARS);
            int years = vec(m, "Vec<i32>", "years", 2001, 2002, 2003, 2004);
            s.at(RETURN);
            return m.ret(years);
        }
    }
}
