package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;

/**
 * {@code orders}: the seeds' first example. Rust frees {@code orders} at the function's closing
 * brace, later than it could (the loop was its last use); C frees it where the programmer writes
 * {@code dealloc(orders)}.
 */
public final class Orders extends Scenario {
    private static final Listing SRC = new Listing();
    static final int FINISH = SRC.line("fn finish(total: i64) -> i64 { total }");
    static final int FN = SRC.line("fn get_final_orders() -> i64 {");
    static final int LET_ORDERS = SRC.line("    let orders = vec![1, 2, 3, 4];");
    static final int LET_TOTAL = SRC.line("    let mut total_orders = 0;");
    static final int FOR = SRC.line("    for order in orders.iter() {");
    static final int ADD = SRC.line("        total_orders += order;");
    static final int END_FOR = SRC.line("    }");
    static final int FINAL = SRC.line("    let final_orders = finish(total_orders);");
    static final int DEALLOC = SRC.cOnly("    dealloc(orders);");
    static final int RETURN = SRC.line("    return final_orders;");
    static final int END_FN = SRC.line("}");
    static final int MAIN = SRC.line("fn main() { println!(\"{}\", get_final_orders()); }");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "orders"; }

    @Override public String description() { return "a Vec freed at its function's end (Rust) or by dealloc (C)"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override
    public long play(Mutator m, Steps s) {
        try (Scope main = m.scope()) {
            s.at(MAIN);
            return getFinalOrders(m, s);
        }
    }

    private static long getFinalOrders(Mutator m, Steps s) {
        try (Scope fn = m.scope()) {
            s.at(FN);
            s.at(LET_ORDERS);
            int orders = vec(m, "Vec<i64>", "orders", 1, 2, 3, 4);
            s.at(LET_TOTAL);
            long total = sum(m, s, FOR, ADD, orders, "orders");
            s.at(FINAL);
            long finalOrders = total;
            s.at(DEALLOC);
            m.free(orders);
            s.at(RETURN);
            s.at(END_FN);
            return finalOrders;
        }
    }
}
