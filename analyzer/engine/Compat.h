//===- Compat.h - All LLVM version differences in one place -----*- C++ -*-===//
//
// modlife is built against one LLVM major at a time (MODLIFE_LLVM_MAJOR).
// Every #if on LLVM_VERSION_MAJOR belongs here and nowhere else.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_COMPAT_H
#define MODLIFE_ENGINE_COMPAT_H

#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR < 17
#error "modlife needs LLVM 17 or newer"
#endif

namespace modlife {
namespace compat {
/// The LLVM major the engine was compiled against; plugins compare it with
/// their host's.
constexpr unsigned BuiltForLLVMMajor = LLVM_VERSION_MAJOR;
} // namespace compat
} // namespace modlife

#endif
