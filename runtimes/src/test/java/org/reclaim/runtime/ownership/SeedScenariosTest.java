package org.reclaim.runtime.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.Probe;

/**
 * The seed texts' programs, step by step against the mutator contract, each step commented with
 * its Rust line: every object is freed exactly once, at the step where Rust frees it.
 */
class SeedScenariosTest {

    static MemoryManager manager(String name) { return Managers.find(name).factory().create(1 << 20, Probe.OFF); }

    /** {@code vec![..]} of {@code values}, named. */
    static int vec(MemoryManager m, String name, long... values) {
        int shape = m.shapes().idOf("Vec<i32>");
        if (shape < 0) shape = m.shapes().defineDataArray("Vec<i32>", 0);
        int v = m.alloc(shape, values.length);
        m.name(v, name);
        for (int i = 0; i < values.length; i++) m.write(v, i, values[i]);
        return v;
    }

    /** {@code for x in v.iter() { total += x; }}: a shared borrow for the loop. */
    static long sum(MemoryManager m, int v) {
        try (Scope loop = m.scope()) {
            int it = m.borrow(v);
            long total = 0;
            for (int i = 0; i < m.length(it); i++) total += m.read(it, i);
            return total;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void ordersIsFreedWhereGetFinalOrdersEnds(String manager) {
        MemoryManager m = manager(manager);
        Steps steps = new Steps(m);
        int orders;
        long finalOrders;
        try (Scope getFinalOrders = m.scope()) {                   // fn get_final_orders() -> i64 {
            steps.at("let orders = vec![1, 2, 3, 4];");
            int o = vec(m, "orders", 1, 2, 3, 4);
            orders = m.id(o);
            steps.at("for order in orders.iter() { total_orders += order; }");
            long totalOrders = sum(m, o);
            steps.at("let final_orders = total_orders * 2;");
            finalOrders = totalOrders * 2;
            steps.at("return final_orders; }");                     // orders goes out of scope
        }
        assertThat(finalOrders).isEqualTo(20);
        assertThat(steps.freedAt(orders)).isEqualTo("return final_orders; }");
        assertThat(steps.freedTwice()).isEmpty();
        assertThat(m.leaks()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void ordersInAnAnonymousScopeIsFreedBeforeFinalOrders(String manager) {
        MemoryManager m = manager(manager);
        Steps steps = new Steps(m);
        int orders;
        long finalOrders;
        try (Scope getFinalOrders = m.scope()) {                   // fn get_final_orders() -> i64 {
            long totalOrders;                                       //   let mut total_orders = 0;
            try (Scope anonymous = m.scope()) {                     //   {
                steps.at("let orders = vec![1, 2, 3, 4];");
                int o = vec(m, "orders", 1, 2, 3, 4);
                orders = m.id(o);
                steps.at("for order in orders { total_orders += order; }");
                totalOrders = sum(m, o);
                steps.at("} // the anonymous scope ends");
            }
            steps.at("let final_orders = total_orders * 2;");
            finalOrders = totalOrders * 2;
            steps.at("return final_orders; }");
        }
        assertThat(finalOrders).isEqualTo(20);
        assertThat(steps.freedAt(orders)).isEqualTo("} // the anonymous scope ends");
        assertThat(steps.freedTwice()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void yearsReturnedIsNotFreedInGetYearsButAtTheEndOfMain(String manager) {
        MemoryManager m = manager(manager);
        Steps steps = new Steps(m);
        int years;
        try (Scope main = m.scope()) {                              // fn main() {
            int y;
            try (Scope getYears = m.scope()) {                      //   let years = get_years();  fn get_years() -> Vec<i32> {
                steps.at("let years = vec![2001, 2002, 2003, 2004];");
                int inner = vec(m, "years", 2001, 2002, 2003, 2004);
                years = m.id(inner);
                steps.at("return years; // ownership moves to main");
                y = m.ret(inner);
            }
            steps.at("println!(\"{:?}\", years);");
            assertThat(sum(m, y)).isEqualTo(2001 + 2002 + 2003 + 2004);
            steps.at("} // end of main");
        }
        assertThat(steps.freedAt(years)).isEqualTo("} // end of main");
        assertThat(steps.freedTwice()).isEmpty();
    }

    /** {@code fn print_years(years: Vec<i32>) { for year in years.iter() { println!("{}", year); } }}. */
    static void printYears(MemoryManager m, Steps steps, int years, List<Long> printed, String endOfCall) {
        try (Scope printYears = m.scope()) {
            int ys = m.move(years);                                 // years: Vec<i32> (the argument)
            try (Scope loop = m.scope()) {
                int it = m.borrow(ys);                              // for year in years.iter() {
                for (int i = 0; i < m.length(it); i++) printed.add(m.read(it, i)); // println!("{}", year);
            }
            steps.at(endOfCall);                                    // } // years dropped
        }
    }

    @Test
    void printYearsTwiceFailsWithE0382NamingYearsAtTheSecondCall() {
        MemoryManager m = manager("ownership");
        Steps steps = new Steps(m);
        List<Long> printed = new ArrayList<>();
        int years = 0;
        MemoryFault fault;
        try (Scope main = m.scope()) {                              // fn main() {
            steps.at("let years = vec![2001, 2002, 2003, 2004];");
            int y = vec(m, "years", 2001, 2002, 2003, 2004);
            years = m.id(y);
            steps.at("print_years(years); // first call");
            printYears(m, steps, y, printed, "} // end of the first print_years");
            steps.at("print_years(years); // second call");
            fault = catchThrowableOfType(MemoryFault.class,
                    () -> printYears(m, steps, y, printed, "} // end of the second print_years"));
        }
        assertThat(fault).isNotNull();
        assertThat(fault.kind()).isEqualTo(MemoryFault.Kind.OWNERSHIP);
        assertThat(fault.code()).isEqualTo("E0382");
        assertThat(fault.getMessage()).isEqualTo("error[E0382]: use of moved value: `years`");
        assertThat(steps.now()).isEqualTo("print_years(years); // second call");
        assertThat(printed).containsExactly(2001L, 2002L, 2003L, 2004L);
        assertThat(steps.freedAt(years)).isEqualTo("} // end of the first print_years");
        assertThat(steps.freedTwice()).isEmpty();
    }

    /**
     * What {@code ownership-trusted} does with the program the compiler rejects (as documented on
     * {@link Ownership}): the second call reads the freed block. Nothing has reused it, so it still
     * holds the years; the moved-from handle is dead, so the block is not freed a second time.
     */
    @Test
    void printYearsTwiceInTrustedModeReadsTheFreedBlockAndFreesItOnce() {
        Ownership m = (Ownership) manager("ownership-trusted");
        Steps steps = new Steps(m);
        List<Long> printed = new ArrayList<>();
        int years;
        try (Scope main = m.scope()) {
            int y = vec(m, "years", 2001, 2002, 2003, 2004);        // let years = vec![2001, 2002, 2003, 2004];
            years = m.id(y);
            printYears(m, steps, y, printed, "} // end of the first print_years");  // print_years(years);
            printYears(m, steps, y, printed, "} // end of the second print_years"); // print_years(years); (use after move)
            steps.at("} // end of main");
        }
        assertThat(printed).containsExactly(2001L, 2002L, 2003L, 2004L, 2001L, 2002L, 2003L, 2004L);
        assertThat(steps.freedAt(years)).isEqualTo("} // end of the first print_years");
        assertThat(steps.order()).containsExactly(years);
        assertThat(m.objectsFreed()).isEqualTo(m.objectsAllocated());
        assertThat(m.leaks()).isEmpty();
    }

    /** The same use after move, when an allocation has reused the block: the second call prints another object's data. */
    @Test
    void printYearsTwiceInTrustedModeReadsWhateverReusedTheBlock() {
        MemoryManager m = manager("ownership-trusted");
        Steps steps = new Steps(m);
        List<Long> printed = new ArrayList<>();
        int other;
        try (Scope main = m.scope()) {
            int y = vec(m, "years", 2001, 2002, 2003, 2004);        // let years = vec![2001, 2002, 2003, 2004];
            printYears(m, steps, y, printed, "} // end of the first print_years");  // print_years(years);
            int o = vec(m, "other", 7, 8, 9, 10);                   // let other = vec![7, 8, 9, 10]; (reuses the block)
            other = m.id(o);
            printYears(m, steps, y, printed, "} // end of the second print_years"); // print_years(years);
            steps.at("} // end of main");
        }
        assertThat(printed).containsExactly(2001L, 2002L, 2003L, 2004L, 7L, 8L, 9L, 10L);
        assertThat(steps.freedAt(other)).isEqualTo("} // end of main");
        assertThat(steps.freedTwice()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void printYearsReturnedMovesYearsThroughEachCallAndFreesItAtTheEndOfMain(String manager) {
        MemoryManager m = manager(manager);
        Steps steps = new Steps(m);
        int years;
        try (Scope main = m.scope()) {                              // fn main() {
            int y = vec(m, "years", 2001, 2002, 2003, 2004);        //   let years = vec![2001, 2002, 2003, 2004];
            years = m.id(y);
            int y2 = printYearsReturning(m, y, "years2");           //   let years2 = print_years(years);
            int y3 = printYearsReturning(m, y2, "years3");          //   let years3 = print_years(years2);
            assertThat(sum(m, y3)).isEqualTo(8010);
            steps.at("} // end of main");
        }
        assertThat(steps.freedAt(years)).isEqualTo("} // end of main");
        assertThat(steps.freedTwice()).isEmpty();
    }

    /** {@code fn print_years(years: Vec<i32>) -> Vec<i32> { ...; return years; }}. */
    static int printYearsReturning(MemoryManager m, int years, String as) {
        try (Scope printYears = m.scope()) {
            int ys = m.move(years);
            sum(m, ys);
            int r = m.ret(ys);                                      // return years;
            m.name(r, as);
            return r;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void printYearsCloneFreesTheCopyInTheFirstCallAndYearsInTheSecond(String manager) {
        MemoryManager m = manager(manager);
        Steps steps = new Steps(m);
        List<Long> printed = new ArrayList<>();
        int years, copy;
        try (Scope main = m.scope()) {                              // fn main() {
            int y = vec(m, "years", 2001, 2002, 2003, 2004);        //   let years = vec![2001, 2002, 2003, 2004];
            years = m.id(y);
            steps.at("print_years(years.clone());");
            int c = m.cloneDeep(y);                                 //   (we'd be consuming more memory)
            copy = m.id(c);
            printYears(m, steps, c, printed, "} // end of print_years(years.clone())");
            steps.at("print_years(years);");
            printYears(m, steps, y, printed, "} // end of print_years(years)");
            steps.at("} // end of main");
        }
        assertThat(copy).isNotEqualTo(years);
        assertThat(printed).containsExactly(2001L, 2002L, 2003L, 2004L, 2001L, 2002L, 2003L, 2004L);
        assertThat(steps.freedAt(copy)).isEqualTo("} // end of print_years(years.clone())");
        assertThat(steps.freedAt(years)).isEqualTo("} // end of print_years(years)");
        assertThat(steps.freedTwice()).isEmpty();
    }
}
