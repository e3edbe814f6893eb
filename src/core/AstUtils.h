//===- AstUtils.h - Small AST queries shared by the core ---------*- C++ -*-===//
#ifndef UNAWAITED_CORE_ASTUTILS_H
#define UNAWAITED_CORE_ASTUTILS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include <string>

namespace unawaited {

/// "ns::Outer::Name" without template arguments and without inline
/// namespaces, so that names from options and profiles match every
/// specialisation and library ABI namespace.
std::string qualifiedNameNoArgs(const clang::NamedDecl *D);

/// The named function \p FD stands for in reports: itself, or for a lambda
/// the function around it ("" at namespace scope). Never a line number.
std::string enclosingFunctionName(const clang::FunctionDecl *FD);

/// The record a (possibly dependent) type names: a specialisation, or for a
/// dependent template-id the primary template's pattern. Null otherwise.
const clang::CXXRecordDecl *recordOf(clang::QualType T);

/// The definition to inspect: the definition when there is one, else the
/// pattern it will be instantiated from (members not instantiated yet).
const clang::CXXRecordDecl *inspectable(const clang::CXXRecordDecl *RD);

/// Looks \p Name up in \p RD and its bases (dependent bases included).
const clang::NamedDecl *findMember(const clang::CXXRecordDecl *RD,
                                   clang::DeclarationName Name);
const clang::NamedDecl *findMember(const clang::CXXRecordDecl *RD,
                                   llvm::StringRef Name);

/// Whether \p RD is \p Base, derives from it, or (for templates) is a
/// specialisation of the same class template.
bool isSameOrDerivedRecord(const clang::CXXRecordDecl *RD,
                           const clang::CXXRecordDecl *Base);

/// \p E without parentheses, full-expression and temporary wrappers,
/// implicit casts and elidable copies: the value as the user wrote it.
const clang::Expr *ignoreTemporaries(const clang::Expr *E);

/// `std::move(x)` or `std::forward<T>(x)`: \p CE passes its argument on.
bool isStdMoveLike(const clang::CallExpr *CE);

/// Whether \p T is a class with an accessible, not deleted copy constructor
/// (declared or implicit): a copy of such a task shares it
/// (cppcoro's shared_task).
bool isCopyableType(clang::QualType T);

/// The function a member or free function declaration stands for, looking
/// through function templates and using-shadows.
const clang::FunctionDecl *asFunction(const clang::NamedDecl *D);

} // namespace unawaited

#endif
