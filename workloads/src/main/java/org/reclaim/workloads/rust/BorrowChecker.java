package org.reclaim.workloads.rust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reclaim.workloads.rust.Ast.*;

/**
 * Rust's ownership and borrow checking, decided statically as rustc decides it, over the subset.
 *
 * <p><b>Moves</b> are a forward data flow over the function: the set of variables that may have been
 * moved out (or may be uninitialised) on some path reaching each point; branches join by union and
 * loop bodies are walked until that set stops growing, so a value moved inside an {@code if} that
 * may not run, or in an earlier iteration, is still "possibly moved" (E0382, E0381).
 *
 * <p><b>Borrows</b> follow non-lexical lifetimes: a loan made by {@code &x} or {@code &mut x} lives
 * from its creation to the last use of the references that hold it (a use inside a loop that the
 * holder outlives keeps it live to the loop's end, the back edge); a loan no variable holds lives
 * to the end of the call it is an argument of. Every access to a variable is checked against the
 * loans live there (E0499, E0502, E0503, E0505, E0506), and a loan still live after its
 * referent's block has ended is E0597, reported at the borrow as rustc does.
 *
 * <p>Known approximations (see {@code docs/rust-subset.md}): a loan is on a whole variable (rustc
 * tracks fields apart), and its live range is an interval in evaluation order, so a use in an
 * {@code else} branch keeps it live in the {@code then} branch too.
 */
public final class BorrowChecker {

    /** A variable: one {@code let} or parameter (a shadowing {@code let} is a new one). */
    private static final class Decl {
        final String name;
        final boolean mut;
        Type type;
        final int declaredAt;
        final List<Integer> uses = new ArrayList<>();

        Decl(String name, boolean mut, Type type, int declaredAt) {
            this.name = name;
            this.mut = mut;
            this.type = type;
            this.declaredAt = declaredAt;
        }
    }

    /** A borrow of {@code place}. */
    private static final class Loan {
        final Decl place;
        final boolean mut;
        final int createdAt;
        final Pos pos;
        int liveUntil;

        Loan(Decl place, boolean mut, int createdAt, Pos pos) {
            this.place = place;
            this.mut = mut;
            this.createdAt = createdAt;
            this.pos = pos;
            this.liveUntil = createdAt;
        }
    }

    private enum Access { READ, WRITE, MOVE, BORROW, BORROW_MUT }

    private final String file;
    private final Program program;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** The {@code return}s that end a function body: the only ones the interpreter runs. */
    private final Set<Return> finalReturns = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> reported = new HashSet<>();

    // pass 1: evaluation-order positions, name resolution, uses, loop spans
    private final Map<Object, Integer> position = new IdentityHashMap<>();
    private final Map<Object, Decl> resolved = new IdentityHashMap<>();
    private final Map<Block, Integer> blockEnd = new IdentityHashMap<>();
    private final List<int[]> loops = new ArrayList<>();
    private int clock;

    // pass 2: the loans made so far
    private final List<Loan> loans = new ArrayList<>();
    private final List<Integer> tempBounds = new ArrayList<>();
    private final List<List<Map<String, String>>> breakStates = new ArrayList<>();

    private BorrowChecker(String file, Program program) {
        this.file = file;
        this.program = program;
    }

    /** The errors rustc would report for {@code program}, in source order; empty if it compiles. */
    public static List<Diagnostic> check(String file, Program program) {
        BorrowChecker c = new BorrowChecker(file, program);
        for (Struct s : program.structs())
            for (Field f : s.fields())
                if (Interpreter.slotKind(f.type()) == null && !Types.isInt(f.type()))
                    throw c.outside(f.pos(), "a field of type " + f.type());
        for (Fn fn : program.fns()) c.checkFn(fn);
        List<Diagnostic> out = new ArrayList<>(c.diagnostics);
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return out;
    }

    private void checkFn(Fn fn) {
        if (fn.ret() != null && fn.ret().ref()) throw outside(fn.pos(), "a function returning a reference (lifetime elision)");
        Resolver r = new Resolver();
        r.push();
        for (Param p : fn.params()) {
            Decl d = new Decl(p.name(), false, p.type(), clock++);
            position.put(p, d.declaredAt);
            resolved.put(p, d);
            r.declare(d);
        }
        r.block(fn.body());
        r.pop();
        Block body = fn.body();
        if (body.tail() instanceof Return tail) finalReturns.add(tail);
        else if (body.tail() == null && !body.stmts().isEmpty() && body.stmts().get(body.stmts().size() - 1) instanceof ExprStmt e
                && e.expr() instanceof Return last) finalReturns.add(last);
        Map<String, String> state = new LinkedHashMap<>();
        new Checker(fn).block(body, state);
    }

    // ---- pass 1 ----

    /** Numbers every node in evaluation order and resolves each variable to its declaration. */
    private final class Resolver {
        private final List<Map<String, Decl>> scopes = new ArrayList<>();
        /** Per scope, the names C-only lines declare: rustc never sees them, C's compiler does. */
        private final List<Set<String>> cNames = new ArrayList<>();

        void push() { scopes.add(new HashMap<>()); cNames.add(new HashSet<>()); }

        void pop() { scopes.remove(scopes.size() - 1); cNames.remove(cNames.size() - 1); }

        void declare(Decl d) { scopes.get(scopes.size() - 1).put(d.name, d); }

        Decl lookup(String name, Pos pos) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                Decl d = scopes.get(i).get(name);
                if (d != null) return d;
            }
            throw new RustSyntaxError(file, pos.line(), pos.column(), "cannot find value `" + name + "` in this scope");
        }

        void block(Block b) {
            position.put(b, clock++);
            push();
            for (Stmt s : b.stmts()) stmt(s);
            if (b.tail() != null) expr(b.tail());
            pop();
            blockEnd.put(b, clock++);
        }

        void stmt(Stmt s) {
            if (s instanceof Let l && l.cOnly()) {
                if (l.init() != null) cOnly(l.init());
                cNames.get(cNames.size() - 1).add(l.name());
                return;
            }
            if (s instanceof ExprStmt e && e.cOnly()) {
                cOnly(e.expr());
                return;
            }
            switch (s) {
                case Let l -> {
                    if (l.init() != null) expr(l.init());
                    Decl d = new Decl(l.name(), l.mut(), l.type(), clock++);
                    position.put(l, d.declaredAt);
                    resolved.put(l, d);
                    declare(d);
                }
                case ExprStmt e -> expr(e.expr());
            }
        }

        void expr(Expr e) {
            switch (e) {
                case Var v -> {
                    Decl d = lookup(v.name(), v.pos());
                    resolved.put(v, d);
                    position.put(v, clock++);
                    d.uses.add(position.get(v));
                    return;
                }
                case Assign a -> {
                    expr(a.value());
                    if (a.target() instanceof Var v) {
                        Decl d = lookup(v.name(), v.pos());
                        resolved.put(v, d);
                        position.put(v, clock++);
                        if (!a.op().equals("=")) d.uses.add(position.get(v));
                    } else expr(a.target());
                }
                case Binary b -> { expr(b.left()); expr(b.right()); }
                case Unary u -> expr(u.operand());
                case Borrow b -> expr(b.target());
                case Deref d -> expr(d.target());
                case Call c -> c.args().forEach(this::expr);
                case Method m -> { expr(m.receiver()); m.args().forEach(this::expr); }
                case FieldAccess f -> expr(f.target());
                case StructLit s -> s.values().forEach(this::expr);
                case VecLit v -> v.elements().forEach(this::expr);
                case Print p -> p.args().forEach(this::expr);
                case If i -> {
                    expr(i.cond());
                    block(i.then());
                    if (i.otherwise() != null) block(i.otherwise());
                }
                case While w -> loop(() -> { expr(w.cond()); block(w.body()); }, e);
                case Loop l -> loop(() -> block(l.body()), e);
                case For f -> {
                    if (f.iterated() != null) expr(f.iterated());
                    else { expr(f.from()); expr(f.to()); }
                    loop(() -> {
                        push();
                        Decl d = new Decl(f.var(), false, f.iterated() != null ? Types.ref(Types.INT, false) : Types.INT, clock++);
                        resolved.put(f, d);
                        declare(d);
                        block(f.body());
                        pop();
                    }, e);
                }
                case BlockExpr b -> block(b.block());
                case Return r -> { if (r.value() != null) expr(r.value()); }
                case IntLit i -> {}
                case StrLit s -> {}
                case BoolLit b -> {}
                case NoneLit n -> {}
                case Break b -> {}
            }
            position.put(e, clock++);
        }

        /**
         * A C-only line is a comment to rustc, so it takes no part in the borrow check; but the C
         * program runs it, so every name it uses must be declared (by Rust or by an earlier C-only
         * line), as C's compiler requires.
         */
        private void cOnly(Expr e) {
            switch (e) {
                case Var v -> {
                    boolean declared = false;
                    for (int i = scopes.size() - 1; i >= 0 && !declared; i--)
                        declared = scopes.get(i).containsKey(v.name()) || cNames.get(i).contains(v.name());
                    if (!declared) throw new RustSyntaxError(file, v.pos().line(), v.pos().column(),
                            "use of undeclared identifier `" + v.name() + "` on a C-only line");
                }
                case Assign a -> { cOnly(a.target()); cOnly(a.value()); }
                case Binary b -> { cOnly(b.left()); cOnly(b.right()); }
                case Unary u -> cOnly(u.operand());
                case Borrow b -> cOnly(b.target());
                case Deref d -> cOnly(d.target());
                case Call c -> c.args().forEach(this::cOnly);
                case Method m -> { cOnly(m.receiver()); m.args().forEach(this::cOnly); }
                case FieldAccess f -> cOnly(f.target());
                case StructLit sl -> sl.values().forEach(this::cOnly);
                case VecLit v -> v.elements().forEach(this::cOnly);
                case Print p -> p.args().forEach(this::cOnly);
                case Return r -> { if (r.value() != null) cOnly(r.value()); }
                case If i -> cOnly(i.cond());
                case While w -> cOnly(w.cond());
                case For f -> { if (f.iterated() != null) cOnly(f.iterated()); }
                case Loop l -> {}
                case BlockExpr b -> {}
                case IntLit i -> {}
                case StrLit st -> {}
                case BoolLit b -> {}
                case NoneLit n -> {}
                case Break b -> {}
            }
        }

        private void loop(Runnable body, Expr e) {
            int start = clock;
            body.run();
            loops.add(new int[] {start, clock});
        }
    }

    // ---- pass 2 ----

    /** Walks one function in evaluation order, carrying the may-be-moved set. */
    private final class Checker {
        private final Fn fn;

        Checker(Fn fn) { this.fn = fn; }

        /** Walks {@code b}; returns the state after it (null if it never completes). */
        private final List<List<Decl>> blockStack = new ArrayList<>();

        Map<String, String> block(Block b, Map<String, String> state) {
            List<Decl> declared = new ArrayList<>();
            blockStack.add(declared);
            try {
                return walk(b, state, declared);
            } finally {
                blockStack.remove(blockStack.size() - 1);
            }
        }

        private Map<String, String> walk(Block b, Map<String, String> state, List<Decl> declared) {
            for (Stmt s : b.stmts()) {
                if (state == null) break;
                state = stmt(s, state, declared);
            }
            if (state != null && b.tail() != null) {
                Result r = expr(b.tail(), state, Access.MOVE);
                state = r.state;
                r.loans.forEach(l -> bound(l, blockEnd.get(b)));
            }
            int end = blockEnd.get(b);
            for (Decl d : declared)
                for (Loan l : loans)
                    if (l.place == d && l.liveUntil > end && (state == null || !"moved".equals(state.get(key(d)))))
                        report("E0597", l.pos, d.name, "`" + d.name + "` does not live long enough");
            return state;
        }

        private Map<String, String> stmt(Stmt s, Map<String, String> state, List<Decl> declared) {
            switch (s) {
                case Let l -> {
                    if (l.cOnly()) return state;
                    Decl d = resolved.get(l);
                    declared.add(d);
                    if (l.init() == null) {
                        state = copy(state);
                        state.put(key(d), "uninit");
                        return state;
                    }
                    Result r = expr(l.init(), state, Access.MOVE);
                    if (d.type == null) d.type = typeOf(l.init());
                    for (Loan loan : r.loans) hold(loan, d);
                    return r.state;
                }
                case ExprStmt e -> {
                    if (e.cOnly()) return state;
                    return expr(e.expr(), state, Access.MOVE).state;
                }
            }
        }

        /** What evaluating an expression leaves: the state after it, and the loans its value carries. */
        private record Result(Map<String, String> state, List<Loan> loans) {
            static Result of(Map<String, String> state) { return new Result(state, List.of()); }
        }

        private Result expr(Expr e, Map<String, String> state, Access ctx) {
            if (state == null) return Result.of(null);
            int at = position.get(e);
            switch (e) {
                case Var v -> {
                    Decl d = resolved.get(v);
                    Type t = d.type;
                    boolean copies = t == null || t.copy() || t.ref();
                    Access a = ctx == Access.MOVE && copies ? Access.READ : ctx;
                    state = access(d, d.name, a, at, v.pos(), state);
                    if (a == Access.MOVE) {
                        state = copy(state);
                        state.put(key(d), "moved");
                    }
                    return new Result(state, t != null && t.ref() ? heldBy(d) : List.of());
                }
                case Borrow b -> {
                    Decl root = root(b.target());
                    Type rootType = root == null ? null : root.type;
                    if (root != null && rootType != null && rootType.ref() && !(b.target() instanceof Var)) {
                        // &*r or &r.field: a reborrow through r: a use of r carrying r's loans
                        Result r = expr(b.target(), state, Access.READ);
                        return new Result(r.state, heldBy(root));
                    }
                    Access a = b.mut() ? Access.BORROW_MUT : Access.BORROW;
                    // rustc's primary span for a borrow's errors is the borrow expression (&x), not x
                    Result r = b.target() instanceof Var v
                            ? Result.of(access(root, v.name(), a, position.get(v), b.pos(), state))
                            : expr(b.target(), state, a);
                    if (root == null) return r;
                    if (b.mut() && !root.mut && !(rootType != null && rootType.ref() && rootType.mut()))
                        report("E0596", b.pos(), root.name, "cannot borrow `" + root.name + "` as mutable, as it is not declared as mutable");
                    Loan loan = new Loan(root, b.mut(), at, b.pos());
                    loan.liveUntil = tempBounds.isEmpty() ? at : tempBounds.get(tempBounds.size() - 1);
                    loans.add(loan);
                    return new Result(r.state, List.of(loan));
                }
                case Deref d -> {
                    Decl root = root(d.target());
                    if (d.target() instanceof Var v && root.type != null && !root.type.ref()) {
                        // *b for a Box: a use of the box's contents
                        return Result.of(access(root, "*" + v.name(), ctx == Access.MOVE ? Access.READ : ctx, at, d.pos(), state));
                    }
                    return Result.of(expr(d.target(), state, Access.READ).state);
                }
                case FieldAccess f -> {
                    Type ft = typeOf(f);
                    if (ctx == Access.MOVE && ft != null && !ft.copy())
                        throw outside(f.pos(), "moving a value out of a field (use .take() on an Option field)");
                    Decl root = root(f.target());
                    if (root != null && root.type != null && root.type.ref()) return Result.of(expr(f.target(), state, Access.READ).state);
                    return Result.of(expr(f.target(), state, ctx == Access.MOVE ? Access.READ : ctx).state);
                }
                case Assign a -> {
                    Result r = expr(a.value(), state, Access.MOVE);
                    state = r.state;
                    if (state == null) return r;
                    if (a.target() instanceof Var v) {
                        Decl d = resolved.get(v);
                        if (d.type == null) d.type = typeOf(a.value());
                        Type vt = typeOf(a.value());
                        if (vt != null && !Types.isInt(vt) && !(vt.ref() && Types.isInt(Types.deref(vt))) && !declaredHere(d))
                            throw outside(a.pos(), "assigning a Box, Vec, String, Rc or a reference to one to a variable of an enclosing block");
                        if (!a.op().equals("=")) state = access(d, d.name, Access.READ, at, v.pos(), state);
                        String was = state.get(key(d));
                        if (!d.mut && !"uninit".equals(was))
                            report("E0384", a.pos(), d.name, "cannot assign twice to immutable variable `" + d.name + "`");
                        state = access(d, d.name, Access.WRITE, position.get(v), v.pos(), state);
                        state = copy(state);
                        state.remove(key(d));
                        for (Loan l : r.loans) hold(l, d);
                        return Result.of(state);
                    }
                    Expr place = RefCells.strip(a.target());
                    if (place != a.target()) return Result.of(expr(fieldRoot(place), state, Access.READ).state);
                    Decl root = root(a.target());
                    if (a.target() instanceof Deref dr && root != null && root.type != null && root.type.ref()) {
                        if (!root.type.mut()) report("E0594", a.pos(), root.name, "cannot assign to `*" + root.name + "`, which is behind a `&` reference");
                        return Result.of(expr(dr.target(), state, Access.READ).state);
                    }
                    if (root != null && root.type != null && root.type.ref()) return Result.of(expr(fieldRoot(a.target()), state, Access.READ).state);
                    if (root != null) {
                        if (!root.mut) report("E0594", a.pos(), root.name, "cannot assign to `" + describe(a.target()) + "`, as `" + root.name + "` is not declared as mutable");
                        state = moved(root, describe(a.target()), at, a.target().pos(), state, "assign to part of moved value");
                        state = checkLoans(root, describe(a.target()), Access.WRITE, at, a.target().pos(), state);
                    }
                    return Result.of(state);
                }
                case Binary b -> {
                    state = expr(b.left(), state, Access.READ).state;
                    return Result.of(expr(b.right(), state, Access.READ).state);
                }
                case Unary u -> { return Result.of(expr(u.operand(), state, Access.READ).state); }
                case Call c -> { return call(c, state, at); }
                case Method m -> { return method(m, state, at); }
                case StructLit s -> throw outside(s.pos(), "a struct value outside Box::new or Rc::new (on the stack)");
                case VecLit v -> {
                    for (Expr x : v.elements()) state = expr(x, state, Access.MOVE).state;
                    return Result.of(state);
                }
                case Print p -> {
                    tempBounds.add(at);
                    for (Expr x : p.args()) state = expr(x, state, Access.BORROW).state;
                    tempBounds.remove(tempBounds.size() - 1);
                    return Result.of(state);
                }
                case If i -> {
                    state = expr(i.cond(), state, Access.READ).state;
                    Map<String, String> a = block(i.then(), state);
                    Map<String, String> b = i.otherwise() != null ? block(i.otherwise(), state) : state;
                    return Result.of(join(a, b));
                }
                case While w -> {
                    return Result.of(loop(state, s -> {
                        Map<String, String> afterCond = expr(w.cond(), s, Access.READ).state;
                        return new Map[] {block(w.body(), afterCond), afterCond};
                    }));
                }
                case Loop l -> {
                    return Result.of(loop(state, s -> new Map[] {block(l.body(), s), null}));
                }
                case For f -> {
                    if (f.iterated() != null) {
                        Result it = expr(f.iterated(), state, Access.MOVE);
                        state = it.state;
                        for (Loan loan : it.loans) loan.liveUntil = Math.max(loan.liveUntil, blockEnd.get(f.body()));
                    } else {
                        state = expr(f.from(), state, Access.READ).state;
                        state = expr(f.to(), state, Access.READ).state;
                    }
                    return Result.of(loop(state, s -> new Map[] {block(f.body(), s), s}));
                }
                case BlockExpr b -> { return Result.of(block(b.block(), state)); }
                case Return r -> {
                    if (!finalReturns.contains(r)) throw outside(r.pos(), "return before the end of a function");
                    if (r.value() != null) state = expr(r.value(), state, Access.MOVE).state;
                    return Result.of(null);
                }
                case Break b -> {
                    if (breakStates.isEmpty()) throw outside(b.pos(), "break outside a loop");
                    breakStates.get(breakStates.size() - 1).add(state);
                    return Result.of(null);
                }
                case IntLit i -> { return Result.of(state); }
                case StrLit s -> { return Result.of(state); }
                case BoolLit b -> { return Result.of(state); }
                case NoneLit n -> { return Result.of(state); }
            }
        }

        /** A loop: the body walked until the may-be-moved set at its head stops growing. */
        @SuppressWarnings("unchecked")
        private Map<String, String> loop(Map<String, String> in, java.util.function.Function<Map<String, String>, Map[]> body) {
            Map<String, String> head = in;
            Map<String, String> exit;
            while (true) {
                breakStates.add(new ArrayList<>());
                Map[] out = body.apply(head);
                List<Map<String, String>> breaks = breakStates.remove(breakStates.size() - 1);
                exit = out[1];
                for (Map<String, String> b : breaks) exit = join(exit, b);
                Map<String, String> next = join(head, out[0]);
                if (next.equals(head)) break;
                head = next;
            }
            return exit;
        }

        private Result call(Call c, Map<String, String> state, int at) {
            String f = c.callee();
            Fn target = program.fn(f);
            boolean known = target != null || switch (f) {
                case "Box::new", "Rc::new", "Rc::clone", "Rc::downgrade", "Some", "drop", "String::from", "Vec::new", "Weak::new", "RefCell::new" -> true;
                default -> false;
            };
            if (!known) {
                throw outside(c.pos(), "the function " + f + " (not defined in this file, nor in the subset)");
            }
            if (target != null && target.params().size() != c.args().size())
                throw outside(c.pos(), "calling " + f + " with " + c.args().size() + " arguments where it takes " + target.params().size());
            if (target == null && !f.equals("Weak::new") && !f.equals("Vec::new") && c.args().size() != 1)
                throw outside(c.pos(), f + " with " + c.args().size() + " arguments");
            tempBounds.add(at);
            for (Expr a : c.args()) {
                if (a instanceof StructLit lit && (f.equals("Box::new") || f.equals("Rc::new"))) state = structLit(lit, state);
                else state = expr(a, state, Access.MOVE).state;
            }
            tempBounds.remove(tempBounds.size() - 1);
            return Result.of(state);
        }

        /** {@code Box::new(S { .. })}: every field of S given once, each value moved in. */
        private Map<String, String> structLit(StructLit lit, Map<String, String> state) {
            Struct s = program.struct(lit.name());
            if (s == null) throw outside(lit.pos(), "the struct " + lit.name() + " (not defined in this file)");
            for (String f : lit.fields())
                if (s.indexOf(f) < 0) throw outside(lit.pos(), "the field " + f + " (struct " + s.name() + " has no such field)");
            if (new HashSet<>(lit.fields()).size() != s.fields().size() || lit.fields().size() != s.fields().size())
                throw outside(lit.pos(), "a " + s.name() + " literal that does not give each field once");
            for (Expr v : lit.values()) {
                Expr value = v instanceof Call c && c.callee().equals("RefCell::new") && c.args().size() == 1 ? c.args().get(0) : v;
                state = expr(value, state, Access.MOVE).state;
            }
            return state;
        }

        private Result method(Method m, Map<String, String> state, int at) {
            Access recv = switch (m.name()) {
                case "clone", "len", "is_some", "is_none", "upgrade" -> Access.BORROW;
                case "borrow", "borrow_mut" -> {
                    if (!RefCells.isBorrow(m)) throw outside(m.pos(), "." + m.name() + "() on something other than a RefCell field");
                    yield Access.BORROW;
                }
                case "push", "take" -> Access.BORROW_MUT;
                default -> throw outside(m.pos(), "the method ." + m.name() + "()");
            };
            tempBounds.add(at);
            for (Expr a : m.args()) state = expr(a, state, Access.MOVE).state;
            tempBounds.remove(tempBounds.size() - 1);
            Decl root = root(m.receiver());
            if (root == null) return Result.of(expr(m.receiver(), state, Access.MOVE).state);
            if (root.type != null && root.type.ref()) {
                if (recv == Access.BORROW_MUT && !root.type.mut() && m.receiver() instanceof Var)
                    report("E0596", m.receiver().pos(), root.name, "cannot borrow `*" + root.name + "` as mutable, as it is behind a `&` reference");
                return Result.of(expr(fieldRoot(m.receiver()), state, Access.READ).state);
            }
            if (recv == Access.BORROW_MUT && !root.mut)
                report("E0596", m.receiver().pos(), root.name, "cannot borrow `" + describe(m.receiver()) + "` as mutable, as `" + root.name + "` is not declared as mutable");
            // the receiver's auto-borrow is taken after the arguments are evaluated (two-phase borrows)
            return Result.of(access(root, describe(m.receiver()), recv, at, m.receiver().pos(), state));
        }

        // ---- accesses ----

        private Map<String, String> access(Decl d, String place, Access a, int at, Pos pos, Map<String, String> state) {
            String reason = switch (a) {
                case BORROW, BORROW_MUT -> "borrow of moved value";
                case WRITE -> null;
                default -> "use of moved value";
            };
            if (reason != null) state = moved(d, place, at, pos, state, reason);
            return checkLoans(d, place, a, at, pos, state);
        }

        private Map<String, String> moved(Decl d, String place, int at, Pos pos, Map<String, String> state, String reason) {
            String was = state.get(key(d));
            if ("moved".equals(was)) report("E0382", pos, d.name, reason + ": `" + d.name + "`");
            else if ("uninit".equals(was)) report("E0381", pos, d.name, "used binding `" + d.name + "` isn't initialized");
            return state;
        }

        private Map<String, String> checkLoans(Decl d, String place, Access a, int at, Pos pos, Map<String, String> state) {
            for (Loan l : loans) {
                if (l.place != d || !(l.createdAt < at && at <= l.liveUntil)) continue;
                String n = d.name;
                if (l.mut) {
                    switch (a) {
                        case READ -> report("E0503", pos, n, "cannot use `" + place + "` because it was mutably borrowed");
                        case BORROW -> report("E0502", pos, n, "cannot borrow `" + place + "` as immutable because it is also borrowed as mutable");
                        case BORROW_MUT -> report("E0499", pos, n, "cannot borrow `" + place + "` as mutable more than once at a time");
                        case WRITE -> report("E0506", pos, n, "cannot assign to `" + place + "` because it is borrowed");
                        case MOVE -> report("E0505", pos, n, "cannot move out of `" + n + "` because it is borrowed");
                    }
                } else {
                    switch (a) {
                        case BORROW_MUT -> report("E0502", pos, n, "cannot borrow `" + place + "` as mutable because it is also borrowed as immutable");
                        case WRITE -> report("E0506", pos, n, "cannot assign to `" + place + "` because it is borrowed");
                        case MOVE -> report("E0505", pos, n, "cannot move out of `" + n + "` because it is borrowed");
                        default -> {}
                    }
                }
            }
            return state;
        }

        /** True if {@code d} is a parameter or a local of the innermost block (not of an enclosing one). */
        private boolean declaredHere(Decl d) {
            if (blockStack.get(blockStack.size() - 1).contains(d)) return true;
            return blockStack.size() == 1 && fn.params().stream().anyMatch(p -> resolved.get(p) == d);
        }

        // ---- loans held by variables ----

        /** {@code holder} now holds {@code loan}: it lives to the holder's last use after it (NLL). */
        private void hold(Loan loan, Decl holder) {
            for (int u : holder.uses) {
                if (u > loan.createdAt) loan.liveUntil = Math.max(loan.liveUntil, u);
                for (int[] span : loops)
                    if (span[0] <= u && u < span[1] && holder.declaredAt < span[0] && loan.createdAt < span[1])
                        loan.liveUntil = Math.max(loan.liveUntil, span[1]);
            }
            held.computeIfAbsent(holder, k -> new ArrayList<>()).add(loan);
        }

        private final Map<Decl, List<Loan>> held = new IdentityHashMap<>();

        private List<Loan> heldBy(Decl d) { return held.getOrDefault(d, List.of()); }

        private void bound(Loan l, int until) { l.liveUntil = Math.max(l.liveUntil, until); }

        private Decl root(Expr e) {
            return switch (e) {
                case Var v -> resolved.get(v);
                case FieldAccess f -> root(f.target());
                case Deref d -> root(d.target());
                default -> null;
            };
        }

        private Expr fieldRoot(Expr e) {
            return switch (e) {
                case FieldAccess f -> fieldRoot(f.target());
                case Deref d -> fieldRoot(d.target());
                default -> e;
            };
        }

        private Type typeOf(Expr e) { return BorrowChecker.this.typeOf(e); }
    }

    private static String describe(Expr e) {
        return switch (e) {
            case Var v -> v.name();
            case FieldAccess f -> describe(f.target()) + "." + f.name();
            case Deref d -> "*" + describe(d.target());
            default -> "_";
        };
    }

    /** The type of {@code e}, as far as the checker needs it (null where it does not matter). */
    Type typeOf(Expr e) {
        return switch (e) {
            case IntLit i -> Types.INT;
            case BoolLit b -> Types.BOOL;
            case Binary b -> Types.INT;
            case Unary u -> Types.INT;
            case StrLit s -> Types.ref(Types.of("str"), false);
            case Var v -> resolved.get(v) == null ? null : resolved.get(v).type;
            case Borrow b -> {
                Type t = typeOf(b.target());
                yield t == null ? Types.ref(Types.INT, b.mut()) : Types.ref(t, b.mut());
            }
            case Deref d -> Types.deref(typeOf(d.target()));
            case FieldAccess f -> {
                String s = Types.structOf(typeOf(f.target()), program);
                Struct st = s == null ? null : program.struct(s);
                if (st == null || st.indexOf(f.name()) < 0)
                    throw outside(f.pos(), "the field ." + f.name() + " (no struct of this file has it here)");
                yield st.fields().get(st.indexOf(f.name())).type();
            }
            case Call c -> switch (c.callee()) {
                case "Box::new" -> Types.of("Box", argType(c));
                case "Rc::new" -> Types.of("Rc", argType(c));
                case "Rc::clone" -> Types.deref(argType(c));
                case "Rc::downgrade" -> Types.of("Weak", Types.deref(argType(c)).args().isEmpty() ? Types.INT : Types.deref(argType(c)).args().get(0));
                case "Some" -> Types.of("Option", argType(c));
                case "String::from" -> Types.of("String");
                case "Vec::new" -> Types.of("Vec", Types.INT);
                case "Weak::new" -> Types.of("Weak", Types.INT);
                case "RefCell::new" -> Types.of("RefCell", argType(c));
                case "drop" -> Types.UNIT;
                default -> {
                    Fn f = program.fn(c.callee());
                    yield f == null ? Types.UNIT : f.ret() == null ? Types.UNIT : f.ret();
                }
            };
            case Method m -> switch (m.name()) {
                case "clone" -> {
                    Type t = typeOf(m.receiver());
                    yield t == null ? null : t.ref() ? Types.deref(t) : t;
                }
                case "len", "pop" -> Types.INT;
                case "is_some", "is_none", "is_empty" -> Types.BOOL;
                case "take" -> typeOf(m.receiver());
                case "upgrade" -> {
                    Type w = typeOf(m.receiver());
                    yield Types.of("Option", Types.of("Rc", w == null || w.args().isEmpty() ? Types.INT : w.args().get(0)));
                }
                default -> Types.UNIT;
            };
            case VecLit v -> Types.of("Vec", Types.INT);
            case StructLit s -> Types.of(s.name());
            case NoneLit n -> Types.of("Option", Types.INT);
            default -> null;
        };
    }

    private Type argType(Call c) { return c.args().isEmpty() ? Types.INT : typeOf(c.args().get(0)); }

    // ---- state ----

    private static String key(Decl d) { return d.name + "@" + d.declaredAt; }

    private static Map<String, String> copy(Map<String, String> s) { return new LinkedHashMap<>(s); }

    /** The join of two paths: a variable moved (or uninitialised) on either may be so after. */
    private static Map<String, String> join(Map<String, String> a, Map<String, String> b) {
        if (a == null) return b;
        if (b == null) return a;
        Map<String, String> out = copy(a);
        b.forEach((k, v) -> out.merge(k, v, (x, y) -> x.equals("moved") || y.equals("moved") ? "moved" : x));
        return out;
    }

    private void report(String code, Pos pos, String variable, String message) {
        String key = code.equals("E0382") || code.equals("E0381") ? code + variable : code + pos;
        if (!reported.add(key)) return;
        diagnostics.add(new Diagnostic(code, pos.line(), pos.column(), variable, message));
    }

    private RustSyntaxError outside(Pos pos, String construct) {
        return new RustSyntaxError(file, pos.line(), pos.column(), construct + " is outside the Rust subset the lab reads");
    }
}
