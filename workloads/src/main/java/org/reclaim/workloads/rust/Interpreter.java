package org.reclaim.workloads.rust;

import java.util.ArrayList;
import java.util.List;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.workloads.rust.Ast.*;

/**
 * Runs a parsed Rust program against the mutator contract, so every memory manager gives each
 * operation its own meaning: {@code Box::new}, {@code vec!}, {@code String::from} allocate,
 * {@code Rc::new} allocates a counted object, a move is {@link Mutator#move}, {@code &x} a borrow,
 * {@code drop(x)} a drop, a {@code // C only} call the C programmer's {@link Mutator#free}.
 *
 * <p>Every statement runs in a scope of its own, so its temporaries end with it; a {@code let}
 * moves its value out to the enclosing block ({@link Mutator#ret}). Under the ownership family
 * the interpreter applies Rust's drop order itself: at a block's end its initialised, not moved
 * locals are dropped in reverse order of <em>declaration</em> (so {@code let x; .. x = ..} drops
 * where {@code x} was declared, whatever the allocation order), and an assignment drops the old
 * value after the new one is computed. Under the other families a block's end only ends its
 * handles, and an assignment ends the old handle (C keeps the old block: the program must free it).
 */
public final class Interpreter {

    /** Stops a loop: {@code break}. */
    private static final class BreakSignal extends RuntimeException {
        BreakSignal() { super(null, null, false, false); }
    }

    /** A local variable: its value, and Rust's drop flag. */
    private static final class Slot {
        final String name;
        Value value;
        boolean live;

        Slot(String name) { this.name = name; }
    }

    /**
     * What an expression yields: an integer, nothing ({@code None}), a reference to an integer
     * local, or a heap handle: owned, a reference ({@code &b}), or the object itself reached
     * through a reference ({@code *r}, a place that owns nothing).
     */
    private record Value(Kind kind, long n, int h, Slot cell, String type) {
        enum Kind { INT, UNIT, NONE, CELL, OWNED, BORROWED, PLACE }

        static Value integer(long n) { return new Value(Kind.INT, n, Handles.NONE, null, "i64"); }

        static final Value UNIT = new Value(Kind.UNIT, 0, Handles.NONE, null, "()");
        static final Value NONE = new Value(Kind.NONE, 0, Handles.NONE, null, "Option");

        boolean heap() { return kind == Kind.OWNED || kind == Kind.BORROWED || kind == Kind.PLACE; }

        Value with(int handle) { return new Value(kind, n, handle, cell, type); }
    }

    private final String file;
    private final Program program;
    private final Mutator m;
    private final Steps steps;
    private final boolean rust, c;
    private final List<List<Slot>> blocks = new ArrayList<>();
    private final List<List<Slot>> frames = new ArrayList<>();

    /**
     * @param file   the file's name, for errors
     * @param family the family of the manager that runs it ({@code ownership} applies Rust's drop order,
     *               {@code manual} keeps an overwritten pointer's block, as C does)
     */
    public Interpreter(String file, Program program, Mutator m, Steps steps, String family) {
        this.file = file;
        this.program = program;
        this.m = m;
        this.steps = steps;
        this.rust = family.equals("ownership");
        this.c = family.equals("manual");
        for (Struct s : program.structs()) defineShape(s);
    }

    /** Runs {@code main}; returns the sum of what it printed (a check value for plain runs). */
    public long run() {
        Fn main = program.fn("main");
        try (Scope s = m.scope()) {
            call(main, List.of(), main.pos().line());
        }
        return printed;
    }

    private long printed;

    // ---- shapes: a struct's integer fields are data words, its Box/Rc/Weak/Option fields slots ----

    private void defineShape(Struct s) {
        List<SlotKind> slots = new ArrayList<>();
        int data = 0;
        for (Field f : s.fields()) {
            SlotKind k = slotKind(f.type());
            if (k != null) slots.add(k);
            else if (Types.isInt(f.type())) data++;
            else throw new RustSyntaxError(file, f.pos().line(), f.pos().column(), "a field of type " + f.type() + " is outside the Rust subset the lab reads");
        }
        m.shapes().define(s.name(), data, slots.toArray(SlotKind[]::new));
    }

    /** The slot a field of type {@code t} is, or null for a data word (an integer) or a type outside the subset. */
    static SlotKind slotKind(Type t) {
        if (t.ref()) return null;
        return switch (t.name()) {
            case "Box", "Vec", "String" -> SlotKind.OWNED;
            case "Rc" -> SlotKind.SHARED;
            case "Weak" -> SlotKind.WEAK;
            case "Option", "RefCell" -> t.args().size() == 1 ? slotKind(t.args().get(0)) : null;
            default -> null;
        };
    }

    /** Where field {@code name} of {@code struct} lives: {@code [isSlot ? 1 : 0, index]}. */
    private int[] fieldAt(String struct, String name, Pos pos) {
        Struct s = program.struct(struct);
        if (s == null) throw new RustSyntaxError(file, pos.line(), pos.column(), "the field ." + name + " of a value that is not a struct of this file");
        int slot = 0, data = 0;
        for (Field f : s.fields()) {
            boolean isSlot = slotKind(f.type()) != null;
            if (f.name().equals(name)) return new int[] {isSlot ? 1 : 0, isSlot ? slot : data};
            if (isSlot) slot++;
            else data++;
        }
        throw new RustSyntaxError(file, pos.line(), pos.column(), "no field ." + name + " on struct " + struct);
    }

    private Type fieldType(String struct, String name) {
        Struct s = program.struct(struct);
        return s.fields().get(s.indexOf(name)).type();
    }

    /** The operations that follow are line {@code line}'s (from 1; the listing's rows count from 0). */
    private void at(int line) {
        if (inlined == 0) steps.at(line - 1);
    }

    /** Calls under way of one-line functions: what they do is shown on their caller's line. */
    private int inlined;

    // ---- functions and blocks ----

    private Value call(Fn fn, List<Value> args, int callerLine) { return call(fn, args, List.of(), callerLine); }

    /** {@code temporaries}: the arguments that are no variable's value ({@code f(v.clone())}). */
    private Value call(Fn fn, List<Value> args, List<Boolean> temporaries, int callerLine) {
        boolean oneLine = fn.pos().line() == fn.body().close().line() && callerLine != fn.pos().line();
        if (oneLine) inlined++;
        try {
            return enter(fn, args, temporaries, callerLine);
        } finally {
            if (oneLine) inlined--;
        }
    }

    private Value enter(Fn fn, List<Value> args, List<Boolean> temporaries, int callerLine) {
        Value result;
        try (Scope scope = m.scope()) {
            at(fn.pos().line());
            List<Slot> locals = new ArrayList<>();
            frames.add(locals);
            blocks.add(locals);
            for (int i = 0; i < args.size(); i++) {
                Slot p = new Slot(fn.params().get(i).name());
                Value a = args.get(i);
                if (a.kind() == Value.Kind.OWNED) {
                    int caller = a.h();
                    a = a.with(m.move(caller));
                    m.name(a.h(), p.name);
                    // a temporary argument belongs to the callee: in a managed language the caller keeps no reference to it
                    if (!rust && !c && a.kind() == Value.Kind.OWNED && i < temporaries.size() && temporaries.get(i)) m.drop(caller);
                }
                p.value = a;
                p.live = true;
                locals.add(p);
            }
            result = body(fn.body());
            blocks.remove(blocks.size() - 1);
            frames.remove(frames.size() - 1);
            at(fn.body().close().line());
            dropLocals(locals);
            if (result.kind() == Value.Kind.OWNED) result = result.with(m.ret(result.h()));
        }
        at(callerLine);
        return result;
    }

    /** A function body: its statements; its value is the tail or what {@code return} gives. */
    private Value body(Block b) {
        for (Stmt s : b.stmts()) {
            if (s instanceof ExprStmt e && e.expr() instanceof Return r) return returned(r.value(), e.pos().line());
            stmt(s);
        }
        if (b.tail() instanceof Return r) return returned(r.value(), r.pos().line());
        return b.tail() == null ? Value.UNIT : returned(b.tail(), b.tail().pos().line());
    }

    /** The returned value, moved out of its statement's scope into the function's. */
    private Value returned(Expr e, int line) {
        if (e == null) return Value.UNIT;
        at(line);
        try (Scope s = m.scope()) {
            Value v = eval(e, true);
            return v.kind() == Value.Kind.OWNED ? v.with(m.ret(v.h())) : v;
        }
    }

    private void block(Block b) {
        List<Slot> locals = new ArrayList<>();
        blocks.add(locals);
        try (Scope s = m.scope()) {
            try {
                for (Stmt st : b.stmts()) stmt(st);
                if (b.tail() != null) statement(b.tail(), b.tail().pos().line());
            } finally {
                blocks.remove(blocks.size() - 1);
                at(b.close().line());
                dropLocals(locals);
            }
        }
    }

    /** Rust's drop order at a block's end: the live locals, last declared first. */
    private void dropLocals(List<Slot> locals) {
        if (!rust) return;
        for (int i = locals.size() - 1; i >= 0; i--) {
            Slot s = locals.get(i);
            if (s.live && s.value.kind() == Value.Kind.OWNED) m.drop(s.value.h());
            s.live = false;
        }
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Let l -> {
                at(l.pos().line());
                Slot slot = new Slot(l.name());
                if (l.init() != null) {
                    try (Scope sc = m.scope()) {
                        Value v = eval(l.init(), true);
                        if (v.kind() == Value.Kind.OWNED) {
                            v = v.with(m.ret(v.h()));
                            m.name(v.h(), l.name());
                        }
                        slot.value = v;
                        slot.live = true;
                    }
                }
                blocks.get(blocks.size() - 1).add(slot);
            }
            case ExprStmt e -> statement(e.expr(), e.pos().line());
        }
    }

    /** An expression statement in a scope of its own: its temporaries end with it. */
    private void statement(Expr e, int line) {
        if (!(e instanceof BlockExpr)) at(line);
        if (e instanceof If || e instanceof While || e instanceof Loop || e instanceof For || e instanceof BlockExpr) {
            eval(e, false);
            return;
        }
        try (Scope sc = m.scope()) {
            eval(e, false);
        }
    }

    // ---- expressions ----

    private Slot lookup(String name) {
        List<Slot> frame = frames.get(frames.size() - 1);
        for (int b = blocks.size() - 1; b >= 0; b--) {
            List<Slot> block = blocks.get(b);
            for (int i = block.size() - 1; i >= 0; i--) if (block.get(i).name.equals(name)) return block.get(i);
            if (block == frame) break;
        }
        throw new IllegalStateException("unresolved variable " + name);
    }

    /** Evaluates {@code e}; {@code consume} if its value is moved somewhere (a let, an argument, a field). */
    private Value eval(Expr e, boolean consume) {
        return switch (e) {
            case IntLit i -> Value.integer(i.value());
            case BoolLit b -> Value.integer(b.value() ? 1 : 0);
            case StrLit s -> Value.UNIT;
            case NoneLit n -> Value.NONE;
            case Var v -> {
                Slot s = lookup(v.name());
                Value val = s.value;
                if (val == null) yield Value.UNIT;
                if (consume && val.kind() == Value.Kind.OWNED) {
                    s.live = false;
                    yield val.with(m.move(val.h()));
                }
                yield val;
            }
            case Binary b -> binary(b);
            case Unary u -> {
                long x = integer(eval(u.operand(), false));
                yield Value.integer(u.op().equals("-") ? -x : x == 0 ? 1 : 0);
            }
            case Borrow b -> borrow(b);
            case Deref d -> d.target() instanceof Method r && RefCells.isBorrow(r) ? eval(r.receiver(), false) : deref(eval(d.target(), false));
            case FieldAccess f -> field(f);
            case Assign a -> { assign(a); yield Value.UNIT; }
            case Call call -> call(call);
            case Method mc -> method(mc);
            case StructLit s -> throw new RustSyntaxError(file, s.pos().line(), s.pos().column(),
                    "a struct value outside Box::new or Rc::new (on the stack) is outside the Rust subset the lab reads");
            case VecLit v -> {
                long[] values = new long[v.elements().size()];
                for (int i = 0; i < values.length; i++) values[i] = integer(eval(v.elements().get(i), false));
                yield allocData("Vec<i64>", values);
            }
            case Print p -> {
                for (Expr a : p.args()) {
                    Value v = eval(a, false);
                    printed += printedValue(v);
                }
                yield Value.UNIT;
            }
            case If i -> {
                at(i.pos().line());
                if (integer(eval(i.cond(), false)) != 0) block(i.then());
                else if (i.otherwise() != null) block(i.otherwise());
                yield Value.UNIT;
            }
            case While w -> {
                try {
                    while (true) {
                        at(w.pos().line());
                        try (Scope s = m.scope()) {
                            if (integer(eval(w.cond(), false)) == 0) break;
                        }
                        block(w.body());
                    }
                } catch (BreakSignal done) {
                    at(w.body().close().line());
                }
                yield Value.UNIT;
            }
            case Loop l -> {
                try {
                    while (true) block(l.body());
                } catch (BreakSignal done) {
                    at(l.body().close().line());
                }
                yield Value.UNIT;
            }
            case For f -> { forLoop(f); yield Value.UNIT; }
            case BlockExpr b -> {
                at(b.pos().line());
                block(b.block());
                yield Value.UNIT;
            }
            case Break b -> throw new BreakSignal();
            case Return r -> throw new RustSyntaxError(file, r.pos().line(), r.pos().column(),
                    "return before the end of a function is outside the Rust subset the lab reads");
        };
    }

    /** What printing {@code v} adds to the check value: an integer, a Vec's or String's elements summed, a struct's first word. */
    private long printedValue(Value v) {
        return switch (v.kind()) {
            case INT -> v.n();
            case CELL -> v.cell().value.n();
            case OWNED, BORROWED, PLACE -> {
                if (m.isNull(v.h())) yield 0;
                if (v.type().equals("Vec") || v.type().equals("String")) {
                    long sum = 0;
                    for (int i = 0, n = m.length(v.h()); i < n; i++) sum += m.read(v.h(), i);
                    yield sum;
                }
                yield dataWords(v) > 0 ? m.read(v.h(), 0) : 0;
            }
            default -> 0;
        };
    }

    private int dataWords(Value v) {
        Struct s = program.struct(v.type());
        if (s == null) return 1;
        int n = 0;
        for (Field f : s.fields()) if (slotKind(f.type()) == null) n++;
        return n;
    }

    private Value binary(Binary b) {
        long x = integer(eval(b.left(), false)), y = integer(eval(b.right(), false));
        return Value.integer(arith(b.op(), x, y, b.pos()));
    }

    private long arith(String op, long x, long y, Pos pos) {
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/", "%" -> {
                if (y == 0) throw new RustSyntaxError(file, pos.line(), pos.column(), "a division by zero");
                yield op.equals("/") ? x / y : x % y;
            }
            case "==" -> x == y ? 1 : 0;
            case "!=" -> x != y ? 1 : 0;
            case "<" -> x < y ? 1 : 0;
            case ">" -> x > y ? 1 : 0;
            case "<=" -> x <= y ? 1 : 0;
            case ">=" -> x >= y ? 1 : 0;
            case "&&" -> x != 0 && y != 0 ? 1 : 0;
            case "||" -> x != 0 || y != 0 ? 1 : 0;
            default -> throw new IllegalStateException(op);
        };
    }

    /** An integer from a value: itself, what a reference to an integer local holds, or a box's word. */
    private long integer(Value v) {
        return switch (v.kind()) {
            case INT -> v.n();
            case CELL -> v.cell().value.n();
            case OWNED, BORROWED, PLACE -> m.read(v.h(), 0);
            case NONE, UNIT -> 0;
        };
    }

    private Value borrow(Borrow b) {
        if (b.target() instanceof Var v) {
            Slot s = lookup(v.name());
            if (s.value == null || !s.value.heap()) return new Value(Value.Kind.CELL, 0, Handles.NONE, s, "&");
            // a reference is the owner's handle, not a run-time borrow: the static checker has
            // decided the borrow rules (NLL), and a Vec grown through it stays the owner's
            return new Value(Value.Kind.BORROWED, 0, s.value.h(), null, s.value.type());
        }
        Value v = eval(b.target(), false);
        if (v.heap()) return new Value(Value.Kind.BORROWED, 0, v.h(), null, v.type());
        return v;
    }

    /** {@code *v}: through a reference, the object; through a box of an integer, the integer. */
    private Value deref(Value v) {
        return switch (v.kind()) {
            case CELL -> v.cell().value;
            case BORROWED -> new Value(Value.Kind.PLACE, 0, v.h(), null, v.type());
            case OWNED, PLACE -> program.struct(v.type()) != null || v.type().equals("Vec") || v.type().equals("String")
                    ? new Value(Value.Kind.PLACE, 0, v.h(), null, v.type()) : Value.integer(m.read(v.h(), 0));
            default -> v;
        };
    }

    private Value field(FieldAccess f) {
        Value target = eval(f.target(), false);
        String struct = target.type();
        int[] at = fieldAt(struct, f.name(), f.pos());
        if (at[0] == 0) return Value.integer(m.read(target.h(), at[1]));
        int child = m.borrow(target.h(), at[1]);
        if (m.isNull(child)) return Value.NONE;
        return new Value(Value.Kind.BORROWED, 0, child, null, pointee(fieldType(struct, f.name())));
    }

    /** The struct (or "i64") a Box/Rc/Option field's value is. */
    private static String pointee(Type t) {
        while (!t.args().isEmpty() && Set_OF_WRAPPERS.contains(t.name())) t = t.args().get(0);
        return t.name();
    }

    private static final java.util.Set<String> Set_OF_WRAPPERS = java.util.Set.of("Box", "Rc", "Weak", "Option", "RefCell");

    private void assign(Assign a) {
        Value v = eval(a.value(), true);
        switch (RefCells.strip(a.target())) {
            case Var var -> {
                Slot s = lookup(var.name());
                if (!a.op().equals("=")) {
                    s.value = Value.integer(arith(a.op().substring(0, 1), integer(s.value), integer(v), a.pos()));
                    return;
                }
                if (v.kind() == Value.Kind.OWNED) {
                    // the new value outlives this statement: it becomes the variable's
                    v = v.with(m.ret(v.h()));
                    m.name(v.h(), var.name());
                }
                Value old = s.value;
                boolean wasLive = s.live;
                s.value = v;
                s.live = true;
                if (old != null && old.kind() == Value.Kind.OWNED && (rust ? wasLive : !c)) m.drop(old.h());
            }
            case Deref d -> {
                Value target = eval(d.target(), false);
                if (target.kind() == Value.Kind.CELL) {
                    Slot s = target.cell();
                    s.value = Value.integer(a.op().equals("=") ? integer(v) : arith(a.op().substring(0, 1), integer(s.value), integer(v), a.pos()));
                } else m.write(target.h(), 0, a.op().equals("=") ? integer(v) : arith(a.op().substring(0, 1), m.read(target.h(), 0), integer(v), a.pos()));
            }
            case FieldAccess f -> {
                Value target = eval(f.target(), false);
                int[] at = fieldAt(target.type(), f.name(), f.pos());
                if (at[0] == 0) {
                    long now = a.op().equals("=") ? integer(v) : arith(a.op().substring(0, 1), m.read(target.h(), at[1]), integer(v), a.pos());
                    m.write(target.h(), at[1], now);
                } else m.put(target.h(), at[1], v.kind() == Value.Kind.NONE ? Handles.NONE : v.h());
            }
            default -> throw new IllegalStateException();
        }
    }

    private Value call(Call call) {
        List<Expr> args = call.args();
        Pos p = call.pos();
        switch (call.callee()) {
            case "Box::new", "Rc::new" -> {
                boolean rc = call.callee().equals("Rc::new");
                Expr arg = args.get(0);
                if (arg instanceof StructLit s) return allocStruct(s, rc);
                long x = integer(eval(arg, false));
                int shape = shape(rc ? "Rc<i64>" : "Box<i64>");
                int h = rc ? m.allocShared(shape, 0) : m.alloc(shape, 0);
                m.write(h, 0, x);
                return new Value(Value.Kind.OWNED, 0, h, null, "i64");
            }
            case "Rc::clone" -> {
                Value v = eval(args.get(0), false);
                return new Value(Value.Kind.OWNED, 0, m.share(v.h()), null, v.type());
            }
            case "Rc::downgrade" -> {
                Value v = eval(args.get(0), false);
                return new Value(Value.Kind.OWNED, 0, m.downgrade(v.h()), null, v.type());
            }
            case "Some" -> { return eval(args.get(0), true); }
            case "String::from" -> {
                String text = args.get(0) instanceof StrLit s ? s.value() : "";
                long[] chars = text.chars().asLongStream().toArray();
                Value v = allocData("String", chars);
                return v;
            }
            case "Vec::new" -> { return allocData("Vec<i64>", new long[0]); }
            case "drop" -> {
                Expr arg = args.get(0);
                Value v = arg instanceof Var var ? lookup(var.name()).value : eval(arg, true);
                if (arg instanceof Var var) lookup(var.name()).live = false;
                if (v.heap()) m.drop(v.h());
                return Value.UNIT;
            }
            default -> {}
        }
        Fn fn = program.fn(call.callee());
        if (fn == null) {
            // a C-only line: the C programmer's free(x) / dealloc(x) / rc_release(x)
            for (Expr a : args) {
                Value v = eval(a, false);
                if (v.heap()) m.free(v.h());
            }
            return Value.UNIT;
        }
        List<Value> values = new ArrayList<>();
        List<Boolean> temporaries = new ArrayList<>();
        for (Expr a : args) {
            values.add(eval(a, true));
            temporaries.add(!(a instanceof Var));
        }
        return call(fn, values, temporaries, p.line());
    }

    private Value method(Method mc) {
        Pos p = mc.pos();
        switch (mc.name()) {
            case "clone" -> {
                Value v = eval(mc.receiver(), false);
                if (!v.heap()) return v.kind() == Value.Kind.CELL ? v.cell().value : v;
                return new Value(Value.Kind.OWNED, 0, m.cloneDeep(v.h()), null, v.type());
            }
            case "borrow", "borrow_mut" -> { return eval(mc.receiver(), false); }
            case "len" -> { return Value.integer(m.length(eval(mc.receiver(), false).h())); }
            case "is_some", "is_none" -> {
                Value v = eval(mc.receiver(), false);
                boolean none = v.kind() == Value.Kind.NONE || v.heap() && m.isNull(v.h());
                return Value.integer(none == mc.name().equals("is_none") ? 1 : 0);
            }
            case "upgrade" -> {
                Value v = eval(mc.receiver(), false);
                int h = m.upgrade(v.h());
                return m.isNull(h) ? Value.NONE : new Value(Value.Kind.OWNED, 0, h, null, v.type());
            }
            case "push" -> {
                Value v = eval(mc.receiver(), false);
                long x = integer(eval(mc.args().get(0), false));
                int n = m.length(v.h());
                m.grow(v.h(), n + 1);
                m.write(v.h(), n, x);
                return Value.UNIT;
            }
            case "take" -> {
                if (mc.receiver() instanceof FieldAccess f) {
                    Value target = eval(f.target(), false);
                    int[] at = fieldAt(target.type(), f.name(), f.pos());
                    int h = m.take(target.h(), at[1]);
                    return m.isNull(h) ? Value.NONE : new Value(Value.Kind.OWNED, 0, h, null, pointee(fieldType(target.type(), f.name())));
                }
                if (mc.receiver() instanceof Var var) {
                    Slot s = lookup(var.name());
                    Value v = s.value;
                    s.value = Value.NONE;
                    return v.kind() == Value.Kind.OWNED ? v.with(m.move(v.h())) : v;
                }
                throw new RustSyntaxError(file, p.line(), p.column(), ".take() on something other than a variable or a field is outside the Rust subset the lab reads");
            }
            default -> throw new RustSyntaxError(file, p.line(), p.column(), "the method ." + mc.name() + "() is outside the Rust subset the lab reads");
        }
    }

    private void forLoop(For f) {
        try (Scope loop = m.scope()) {
            at(f.pos().line());
            List<Slot> locals = new ArrayList<>();
            blocks.add(locals);
            Slot var = new Slot(f.var());
            var.live = true;
            locals.add(var);
            try {
                if (f.iterated() != null) {
                    Value it = eval(f.iterated(), false);
                    int n = m.length(it.h());
                    for (int i = 0; i < n; i++) {
                        at(f.pos().line());
                        var.value = Value.integer(m.read(it.h(), i));
                        block(f.body());
                    }
                } else {
                    long from = integer(eval(f.from(), false)), to = integer(eval(f.to(), false));
                    if (f.inclusive()) to++;
                    for (long i = from; i < to; i++) {
                        at(f.pos().line());
                        var.value = Value.integer(i);
                        block(f.body());
                    }
                }
                at(f.pos().line());
            } catch (BreakSignal done) {
                at(f.body().close().line());
            } finally {
                blocks.remove(blocks.size() - 1);
            }
        }
    }

    // ---- allocation ----

    private int shape(String name) {
        int s = m.shapes().idOf(name);
        if (s >= 0) return s;
        return name.equals("Box<i64>") || name.equals("Rc<i64>") ? m.shapes().define(name, 1) : m.shapes().defineDataArray(name, 0);
    }

    private Value allocData(String type, long[] values) {
        int h = m.alloc(shape(type), values.length);
        for (int i = 0; i < values.length; i++) m.write(h, i, values[i]);
        return new Value(Value.Kind.OWNED, 0, h, null, type.startsWith("Vec") ? "Vec" : type);
    }

    private Value allocStruct(StructLit lit, boolean rc) {
        Struct s = program.struct(lit.name());
        if (s == null) throw new RustSyntaxError(file, lit.pos().line(), lit.pos().column(), "the struct " + lit.name() + " is not defined in this file");
        // fields are evaluated in the order written, then stored in declaration order
        Value[] values = new Value[s.fields().size()];
        for (int i = 0; i < lit.fields().size(); i++) {
            int idx = s.indexOf(lit.fields().get(i));
            Expr e = lit.values().get(i);
            if (e instanceof Call c && c.callee().equals("RefCell::new")) e = c.args().get(0);
            values[idx] = e instanceof Call c && c.callee().equals("Weak::new") ? Value.NONE : eval(e, true);
        }
        int shape = m.shapes().idOf(s.name());
        int h = rc ? m.allocShared(shape, 0) : m.alloc(shape, 0);
        for (int i = 0; i < values.length; i++) {
            Field f = s.fields().get(i);
            int[] at = fieldAt(s.name(), f.name(), f.pos());
            Value v = values[i];
            if (at[0] == 0) m.write(h, at[1], integer(v));
            else if (v != null && v.heap()) m.put(h, at[1], v.h());
        }
        return new Value(Value.Kind.OWNED, 0, h, null, s.name());
    }
}
