/* TEST ONLY, never shipped: a stand-in for Windows' bcryptprimitives.dll under wine 8, which
 * lacks it. Rust's standard library (1.78 and later) takes its random numbers from ProcessPrng
 * in that DLL, which every Windows 10 and 11 has. smoke-test.sh builds this into the throwaway
 * wine prefix's system32; the installer never contains it. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
