#pragma once

#include "media/session/gst_runtime.h"

#include <memory>
#include <vector>

namespace softphone::media {

// Adds a new pipeline's entry to its hub, set to the hub's current choice, and drops the
// entries whose pipelines are gone. The hub's mutex is held.
template<class Entry, class Apply>
void addEntry(std::vector<std::unique_ptr<Entry>> &entries, std::unique_ptr<Entry> entry,
              Apply apply)
{
    std::erase_if(entries, [](const std::unique_ptr<Entry> &e) {
        ElementRef alive(e->selector.get());
        return !alive;
    });
    apply(*entry);
    entries.push_back(std::move(entry));
}

}  // namespace softphone::media
