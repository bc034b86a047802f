package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;

/**
 * {@code borrowed-length}: a function that borrows ({@code &Datum}) does not own, so nothing is
 * freed when it returns; {@code datum} lives to {@code main}'s brace (C: to its {@code dealloc}).
 */
public final class BorrowedLength extends Scenario {
    private static final Listing SRC = new Listing();
    static final int STRUCT = SRC.line("struct Datum { x: i64, padding: i64 }");
    static final int FN = SRC.line("fn length(datum: &Datum) -> i64 {");
    static final int BODY = SRC.line("    datum.x - datum.padding");
    static final int END_FN = SRC.line("}");
    static final int MAIN = SRC.line("fn main() {");
    static final int LET_DATUM = SRC.line("    let datum = Box::new(Datum { x: 24, padding: 4 });");
    static final int LET_L = SRC.line("    let l = length(&datum);");
    static final int PRINT = SRC.line("    println!(\"{} {}\", l, datum.x);");
    static final int DEALLOC = SRC.cOnly("    dealloc(datum);");
    static final int END_MAIN = SRC.line("}");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "borrowed-length"; }

    @Override public String description() { return "a borrowed argument is not freed by the callee: the owner frees it later"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override
    public long play(Mutator m, Steps s) {
        int shape = m.shapes().define("Datum", 2);
        try (Scope main = m.scope()) {
            s.at(MAIN);
            s.at(LET_DATUM);
            int datum = m.alloc(shape, 0);
            m.write(datum, 0, 24);
            m.write(datum, 1, 4);
            m.name(datum, "datum");
            s.at(LET_L);
            long l = length(m, s, datum);
            s.at(PRINT);
            long printed = l + m.read(datum, 0);
            s.at(DEALLOC);
            m.free(datum);
            s.at(END_MAIN);
            return printed;
        }
    }

    private static long length(Mutator m, Steps s, int owner) {
        try (Scope fn = m.scope()) {
            int datum = m.borrow(owner);
            s.at(FN);
            s.at(BODY);
            long l = m.read(datum, 0) - m.read(datum, 1);
            s.at(END_FN);
            return l;
        }
    }
}
