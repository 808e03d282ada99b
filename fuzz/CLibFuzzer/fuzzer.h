// libFuzzer's driver, for the fuzz targets' own main() (fuzz/Reader, fuzz/Reports).
//
// SwiftPM links an executable with its main() renamed and aliased back (so that tests can link
// executables), which leaves no room for libFuzzer's main(): a target's main() hands over to the driver
// instead. The declaration is weak so that a build without REGISTRE_FUZZ, which has no libFuzzer, still
// links; registre_fuzz then says so by returning -1.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size))
    __attribute__((weak));

/// Runs libFuzzer on `callback` with the program's arguments, or returns -1 when it is not linked in.
static inline int registre_fuzz(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver ? LLVMFuzzerRunDriver(argc, argv, callback) : -1;
}
