package org.reclaim.workloads.rust;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.reclaim.workloads.rust.Ast.*;

/**
 * A recursive-descent parser for the Rust subset of {@code docs/rust-subset.md}. Anything else is
 * one {@link RustSyntaxError} naming the construct and its line and column.
 */
public final class HandParser {
    private final String file;
    private final List<HandToken> tokens;
    private final Set<Integer> cOnlyLines;
    private int i;
    /** False while parsing an {@code if}/{@code while} condition, where {@code Name {} is a block, not a struct literal. */
    private boolean structLiterals = true;

    private HandParser(String file, HandLexer lexer) {
        this.file = file;
        this.tokens = lexer.tokens();
        this.cOnlyLines = lexer.cOnlyLines();
    }

    /** Parses {@code source}, naming {@code file} in errors. */
    public static Program parse(String file, String source) {
        return new HandParser(file, new HandLexer(file, source).run()).program();
    }

    // ---- items ----

    private Program program() {
        List<Struct> structs = new ArrayList<>();
        List<Fn> fns = new ArrayList<>();
        while (peek().kind() != HandToken.Kind.EOF) {
            HandToken t = peek();
            if (t.is("use")) skipUse();
            else if (t.is("struct")) structs.add(struct());
            else if (t.is("fn")) fns.add(fn());
            else if (t.is("#")) throw outside(t, "an attribute (#[..])");
            else if (t.kind() == HandToken.Kind.IDENT && Set.of("impl", "trait", "enum", "mod", "static", "const", "type", "pub", "unsafe", "extern", "macro_rules").contains(t.text()))
                throw outside(t, "'" + t.text() + "' items");
            else throw unexpected(t, "'fn', 'struct' or 'use'");
        }
        if (fns.stream().noneMatch(f -> f.name().equals("main"))) throw new RustSyntaxError(file, 1, 1, "no fn main()");
        return new Program(structs, fns);
    }

    private void skipUse() {
        next();
        while (!peek().is(";")) {
            if (peek().kind() == HandToken.Kind.EOF) throw unexpected(peek(), "';' ending the use line");
            next();
        }
        next();
    }

    private Struct struct() {
        HandToken kw = next();
        String name = ident("a struct name");
        if (peek().is("<")) throw outside(peek(), "a generic struct");
        if (peek().is("(") || peek().is(";")) throw outside(peek(), "a tuple or unit struct");
        expect("{");
        List<Field> fields = new ArrayList<>();
        while (!peek().is("}")) {
            HandToken f = peek();
            if (f.is("pub")) throw outside(f, "'pub' fields");
            String fname = ident("a field name");
            expect(":");
            fields.add(new Field(fname, type(), pos(f)));
            if (!peek().is("}")) expect(",");
        }
        expect("}");
        return new Struct(name, fields, pos(kw));
    }

    private Fn fn() {
        HandToken kw = next();
        String name = ident("a function name");
        if (peek().is("<")) throw outside(peek(), "a generic function (lifetimes or type parameters)");
        expect("(");
        List<Param> params = new ArrayList<>();
        while (!peek().is(")")) {
            HandToken p = peek();
            if (p.is("mut")) next();
            String pname = ident("a parameter name");
            expect(":");
            params.add(new Param(pname, type(), pos(p)));
            if (!peek().is(")")) expect(",");
        }
        expect(")");
        Type ret = null;
        if (peek().is("->")) {
            next();
            ret = type();
        }
        return new Fn(name, params, ret, block(), pos(kw));
    }

    private Type type() {
        HandToken t = peek();
        if (t.is("&")) {
            next();
            if (peek().is("'")) throw outside(peek(), "a lifetime annotation");
            boolean mut = accept("mut");
            Type inner = type();
            return new Type(inner.name(), inner.args(), true, mut);
        }
        if (t.is("(")) {
            next();
            expect(")");
            return new Type("()", List.of(), false, false);
        }
        if (t.is("[")) throw outside(t, "an array or slice type");
        if (t.is("dyn") || t.is("impl")) throw outside(t, "a trait object or impl type");
        String name = ident("a type");
        while (peek().is("::")) {
            next();
            name = ident("a type");
        }
        List<Type> args = new ArrayList<>();
        if (peek().is("<")) {
            next();
            while (!peek().is(">")) {
                args.add(type());
                if (!peek().is(">")) expect(",");
            }
            expect(">");
        }
        return new Type(name, args, false, false);
    }

    // ---- blocks and statements ----

    private Block block() {
        HandToken open = expect("{");
        List<Stmt> stmts = new ArrayList<>();
        Expr tail = null;
        while (!peek().is("}")) {
            HandToken t = peek();
            if (t.kind() == HandToken.Kind.EOF) throw unexpected(t, "'}'");
            if (t.is(";")) {
                next();
                continue;
            }
            if (t.is("let")) {
                stmts.add(let());
                continue;
            }
            if (t.is("fn") || t.is("struct") || t.is("use")) throw outside(t, "an item inside a function body");
            Expr e = expr();
            boolean cOnly = cOnlyLines.contains(t.line());
            if (accept(";")) stmts.add(new ExprStmt(e, pos(t), cOnly));
            else if (peek().is("}")) tail = e;
            else if (blockLike(e)) stmts.add(new ExprStmt(e, pos(t), cOnly));
            else throw unexpected(peek(), "';' or '}'");
        }
        HandToken close = next();
        return new Block(stmts, tail, pos(open), pos(close));
    }

    private static boolean blockLike(Expr e) {
        return e instanceof If || e instanceof While || e instanceof Loop || e instanceof For || e instanceof BlockExpr;
    }

    private Let let() {
        HandToken kw = next();
        boolean mut = accept("mut");
        if (peek().is("(")) throw outside(peek(), "a tuple pattern");
        String name = ident("a variable name");
        Type type = null;
        if (accept(":")) type = type();
        Expr init = null;
        if (accept("=")) init = expr();
        if (peek().is("else")) throw outside(peek(), "let-else");
        expect(";");
        return new Let(name, mut, type, init, pos(kw), cOnlyLines.contains(kw.line()));
    }

    // ---- expressions, lowest precedence first ----

    private Expr expr() {
        Expr left = range();
        HandToken t = peek();
        if (t.kind() == HandToken.Kind.PUNCT && Set.of("=", "+=", "-=", "*=", "/=", "%=").contains(t.text())) {
            next();
            if (!(left instanceof Var || left instanceof Deref || left instanceof FieldAccess))
                throw new RustSyntaxError(file, t.line(), t.column(), "assignment to something other than a variable, *reference or field is outside the subset");
            return new Assign(left, t.text(), expr(), left.pos());
        }
        return left;
    }

    private Expr range() {
        Expr e = or();
        if (peek().is("..") || peek().is("..=")) throw outside(peek(), "a range outside a for loop");
        return e;
    }

    private Expr or() {
        Expr e = and();
        while (peek().is("||")) e = binary(e, next(), and());
        return e;
    }

    private Expr and() {
        Expr e = comparison();
        while (peek().is("&&")) e = binary(e, next(), comparison());
        return e;
    }

    private Expr comparison() {
        Expr e = additive();
        HandToken t = peek();
        if (t.kind() == HandToken.Kind.PUNCT && Set.of("==", "!=", "<", ">", "<=", ">=").contains(t.text())) e = binary(e, next(), additive());
        return e;
    }

    private Expr additive() {
        Expr e = multiplicative();
        while (peek().is("+") || peek().is("-")) e = binary(e, next(), multiplicative());
        return e;
    }

    private Expr multiplicative() {
        Expr e = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) e = binary(e, next(), unary());
        return e;
    }

    private static Expr binary(Expr left, HandToken op, Expr right) { return new Binary(op.text(), left, right, left.pos()); }

    private Expr unary() {
        HandToken t = peek();
        if (t.is("&")) {
            next();
            boolean mut = accept("mut");
            return new Borrow(unary(), mut, pos(t));
        }
        if (t.is("&&")) throw outside(t, "'&&' as a double borrow (write & &x)");
        if (t.is("*")) {
            next();
            return new Deref(unary(), pos(t));
        }
        if (t.is("-") || t.is("!")) {
            next();
            return new Unary(t.text(), unary(), pos(t));
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) {
        while (true) {
            HandToken t = peek();
            if (t.is(".")) {
                next();
                HandToken name = next();
                if (name.kind() == HandToken.Kind.INT) throw outside(name, "a tuple field");
                if (name.kind() != HandToken.Kind.IDENT) throw unexpected(name, "a field or method name");
                if (peek().is("::")) throw outside(peek(), "a turbofish (::<..>)");
                if (peek().is("(")) e = new Method(e, name.text(), args("(", ")"), pos(name));
                else e = new FieldAccess(e, name.text(), pos(name));
            } else if (t.is("?")) throw outside(t, "the ? operator");
            else if (t.is("[")) throw outside(t, "indexing (v[i])");
            else if (t.is("(")) throw outside(t, "calling something that is not a function name");
            else if (t.is("as")) throw outside(t, "an 'as' cast");
            else return e;
        }
    }

    private List<Expr> args(String open, String close) {
        expect(open);
        List<Expr> args = new ArrayList<>();
        boolean outer = structLiterals;
        structLiterals = true;
        while (!peek().is(close)) {
            args.add(expr());
            if (!peek().is(close)) expect(",");
        }
        structLiterals = outer;
        expect(close);
        return args;
    }

    private Expr primary() {
        HandToken t = next();
        Pos p = pos(t);
        switch (t.kind()) {
            case INT -> {
                try {
                    return new IntLit(Long.parseLong(t.text()), p);
                } catch (NumberFormatException e) {
                    throw outside(t, "an integer beyond 64 bits");
                }
            }
            case STRING -> {
                return new StrLit(t.text(), p);
            }
            case EOF -> throw unexpected(t, "an expression");
            default -> {}
        }
        if (t.is("(")) {
            if (peek().is(")")) throw outside(t, "the unit value ()");
            Expr e = expr();
            if (peek().is(",")) throw outside(peek(), "a tuple");
            expect(")");
            return e;
        }
        if (t.is("{")) {
            i--;
            return new BlockExpr(block(), p);
        }
        if (t.is("|")) throw outside(t, "a closure");
        if (t.is("[")) throw outside(t, "an array");
        if (t.kind() != HandToken.Kind.IDENT) throw unexpected(t, "an expression");
        switch (t.text()) {
            case "true", "false" -> { return new BoolLit(t.text().equals("true"), p); }
            case "None" -> { return new NoneLit(p); }
            case "if" -> { return ifExpr(t); }
            case "while" -> {
                if (peek().is("let")) throw outside(peek(), "while let");
                Expr cond = condition();
                return new While(cond, block(), p);
            }
            case "loop" -> { return new Loop(block(), p); }
            case "for" -> { return forExpr(t); }
            case "return" -> {
                Expr v = peek().is(";") || peek().is("}") ? null : expr();
                return new Return(v, p);
            }
            case "break" -> {
                if (!peek().is(";") && !peek().is("}")) throw outside(peek(), "break with a value or label");
                return new Break(p);
            }
            case "match" -> throw outside(t, "'match'");
            case "unsafe" -> throw outside(t, "'unsafe'");
            case "move" -> throw outside(t, "a move closure");
            case "continue" -> throw outside(t, "'continue'");
            case "let" -> throw outside(t, "'let' inside an expression");
            default -> {}
        }
        if (peek().is("!")) return macro(t);
        String path = t.text();
        while (peek().is("::")) {
            next();
            HandToken seg = next();
            if (seg.is("<")) throw outside(seg, "a turbofish (::<..>)");
            if (seg.kind() != HandToken.Kind.IDENT) throw unexpected(seg, "a name after '::'");
            path += "::" + seg.text();
        }
        if (peek().is("(")) return new Call(path, args("(", ")"), p);
        if (peek().is("{") && structLiterals && Character.isUpperCase(path.charAt(0))) return structLit(path, p);
        if (path.contains("::")) {
            if (path.equals("Weak::new")) throw outside(t, "Weak::new without a call");
            throw outside(t, "the path " + path);
        }
        return new Var(path, p);
    }

    private Expr macro(HandToken name) {
        next();
        switch (name.text()) {
            case "vec" -> {
                if (!peek().is("[")) throw unexpected(peek(), "'[' after vec!");
                List<Expr> elems = args("[", "]");
                return new VecLit(elems, pos(name));
            }
            case "println", "print" -> {
                List<Expr> a = args("(", ")");
                if (a.isEmpty() || !(a.get(0) instanceof StrLit)) throw new RustSyntaxError(file, name.line(), name.column(), "println! needs a format string first");
                return new Print(a.subList(1, a.size()), pos(name));
            }
            default -> throw outside(name, "the macro " + name.text() + "!");
        }
    }

    private Expr structLit(String name, Pos p) {
        expect("{");
        List<String> fields = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        boolean outer = structLiterals;
        structLiterals = true;
        while (!peek().is("}")) {
            if (peek().is("..")) throw outside(peek(), "struct update syntax (..base)");
            HandToken f = peek();
            String field = ident("a field name");
            fields.add(field);
            if (accept(":")) values.add(expr());
            else values.add(new Var(field, pos(f)));
            if (!peek().is("}")) expect(",");
        }
        structLiterals = outer;
        expect("}");
        return new StructLit(name, fields, values, p);
    }

    private Expr condition() {
        boolean outer = structLiterals;
        structLiterals = false;
        Expr e = expr();
        structLiterals = outer;
        return e;
    }

    private Expr ifExpr(HandToken kw) {
        if (peek().is("let")) throw outside(peek(), "if let");
        Expr cond = condition();
        Block then = block();
        Block otherwise = null;
        if (accept("else")) {
            if (peek().is("if")) {
                HandToken k = next();
                Expr nested = ifExpr(k);
                otherwise = new Block(List.of(), nested, pos(k), ((If) nested).otherwise() != null
                        ? ((If) nested).otherwise().close() : ((If) nested).then().close());
            } else otherwise = block();
        }
        return new If(cond, then, otherwise, pos(kw));
    }

    private Expr forExpr(HandToken kw) {
        if (peek().is("(")) throw outside(peek(), "a pattern in a for loop");
        String var = ident("the loop variable");
        if (!accept("in")) throw unexpected(peek(), "'in'");
        boolean outer = structLiterals;
        structLiterals = false;
        Expr from = or();
        For loop;
        if (peek().is("..") || peek().is("..=")) {
            boolean inclusive = next().text().equals("..=");
            Expr to = or();
            structLiterals = outer;
            loop = new For(var, from, to, inclusive, null, block(), pos(kw));
        } else {
            structLiterals = outer;
            Expr iterated = iterated(from);
            loop = new For(var, null, null, false, iterated, block(), pos(kw));
        }
        return loop;
    }

    /** {@code v.iter()} or {@code &v}: the Vec borrowed; anything else is outside the subset. */
    private Expr iterated(Expr e) {
        if (e instanceof Method m && m.name().equals("iter") && m.args().isEmpty()) return new Borrow(m.receiver(), false, m.receiver().pos());
        if (e instanceof Borrow b && !b.mut()) return b;
        throw new RustSyntaxError(file, e.pos().line(), e.pos().column(),
                "a for loop over something other than a range, v.iter() or &v is outside the Rust subset the lab reads");
    }

    // ---- tokens ----

    private HandToken peek() { return tokens.get(i); }

    private HandToken next() { return tokens.get(i++); }

    private boolean accept(String s) {
        if (!peek().is(s)) return false;
        i++;
        return true;
    }

    private HandToken expect(String s) {
        if (!peek().is(s)) throw unexpected(peek(), "'" + s + "'");
        return next();
    }

    private String ident(String what) {
        HandToken t = next();
        if (t.kind() != HandToken.Kind.IDENT) throw unexpected(t, what);
        return t.text();
    }

    private static Pos pos(HandToken t) { return new Pos(t.line(), t.column()); }

    private RustSyntaxError unexpected(HandToken t, String expected) {
        return new RustSyntaxError(file, t.line(), t.column(), "expected " + expected + ", found " + t.describe());
    }

    private RustSyntaxError outside(HandToken t, String construct) {
        return new RustSyntaxError(file, t.line(), t.column(), construct + " is outside the Rust subset the lab reads");
    }
}
