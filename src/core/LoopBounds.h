//===- LoopBounds.h - Facts about a loop's trip count -------------*- C++ -*-===//
//
// `for (int i = 0; i < 10; ++i)` cannot run zero times; `for (i = 0; i < n;
// ++i) use(c[i])` visits c's elements by index. The flow analysis uses both
// so that a loop that must run, or that walks a container, does not get a
// path the program cannot take.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_LOOPBOUNDS_H
#define UNAWAITED_CORE_LOOPBOUNDS_H

namespace clang {
class ASTContext;
class Expr;
class ForStmt;
class VarDecl;
} // namespace clang

namespace unawaited {

/// The variable a loop condition compares against a bound (`i` in
/// `i < n`, `i <= N`, `n > i`, `i != end`), or null.
const clang::VarDecl *loopIndex(const clang::Expr *Cond);

/// Whether the first test of \p For's condition is known to be true: its
/// index starts at a constant (`int i = 0`, `i = 1`) and the bound is a
/// constant (a literal, a constexpr or const integer) that the start
/// satisfies.
bool runsAtLeastOnce(const clang::ForStmt *For, clang::ASTContext &Ctx);

} // namespace unawaited

#endif
