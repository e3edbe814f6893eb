//===- Uses.h - Classifying each use of a tracked variable ------*- C++ -*-===//
//
// A use of a tracked variable consumes it (co_await, a move into a call, a
// non-const member...), adds to it (a container's push_back), overwrites
// it, or only reads it. This applies the consumption rules
// (Consumption.h) to one use, given its ancestors, and attaches the
// resulting steps to statements, as clang's UninitializedValues classifies
// references before its transfer functions run.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_USES_H
#define UNAWAITED_CORE_FLOW_USES_H

#include "Steps.h"

namespace unawaited::flow {

/// Summarising the uses of a member (FunctionFlow::usesOfMember): the
/// member, how it is tracked (as variable 0), and where it is stored to.
struct MemberMode {
  const clang::FieldDecl *Field = nullptr;
  const TrackedType *Type = nullptr;
  llvm::SmallVectorImpl<const clang::Stmt *> *Stores = nullptr;
};

enum class EventKind : uint8_t { Gen, Consume, Overwrite };

class UseClassifier {
public:
  UseClassifier(AnalysisContext &AC, TrackedVars &Vars, BodyFacts &Body,
                const MemberMode *Member)
      : AC(AC), Vars(Vars), Body(Body), Member(Member) {}

  /// Classifies the use \p DRE of variable \p V. \p Ancestors ends with
  /// \p DRE; each element is the parent of the next. Steps attach to
  /// \p Anchor when given (a field's use is its aggregate's, whose
  /// reference the CFG has as an element), else to \p DRE.
  void classify(const clang::Expr *DRE, unsigned V,
                llvm::ArrayRef<const clang::Stmt *> Ancestors,
                const clang::Expr *Anchor = nullptr);

  /// Records an event of \p V at \p At (a store, in member mode).
  void add(const clang::Stmt *At, EventKind K, unsigned V);

  /// Events recorded so far.
  unsigned EventCount = 0;

private:
  /// One use on its way up: \p Child is Ancestors[I], the expression whose
  /// parent decides what happens to the task.
  struct Use {
    const clang::Expr *At;
    const clang::Stmt *Child;
    size_t I;
    unsigned V;
    llvm::ArrayRef<const clang::Stmt *> Ancestors;
    const clang::Stmt *parentOf(size_t J) const {
      return J ? Ancestors[J - 1] : nullptr;
    }
  };

  const clang::Stmt *climb(Use &U);
  bool memberStore(const clang::Stmt *P, const Use &U);
  void memberExprUse(const clang::MemberExpr *ME, const Use &U);
  void operatorUse(const clang::CXXOperatorCallExpr *Op, const Use &U);
  void assignUse(const clang::CXXOperatorCallExpr *Op, const Use &U);
  void callUse(const clang::CallExpr *CE, const Use &U);
  void declUse(const clang::DeclStmt *DS, const Use &U);
  void aggregateFieldUse(const clang::FieldDecl *Field,
                         const clang::MemberExpr *ME, unsigned V,
                         llvm::ArrayRef<const clang::Stmt *> Ancestors,
                         const clang::Expr *At);
  void memberUse(const clang::CXXMethodDecl *M, const clang::Stmt *Call,
                 const clang::Expr *DRE, unsigned V);
  void readAsValue(const clang::Stmt *At, unsigned V);
  /// Whether passing \p V to a parameter of type \p P hands the task on.
  bool consumes(clang::QualType P, unsigned V) const;

  AnalysisContext &AC;
  TrackedVars &Vars;
  BodyFacts &Body;
  const MemberMode *Member;
};

} // namespace unawaited::flow

#endif
