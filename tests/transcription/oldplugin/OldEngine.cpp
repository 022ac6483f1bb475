#include "OldEngine.h"

#include <cstdlib>

OldEngineFactory::OldEngineFactory()
{
    std::abort(); // loaded at all: the registry ran code it should have refused
}
