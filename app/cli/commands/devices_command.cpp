#include "commands/devices_command.h"

#include "commands/cli_options.h"
#include "media/devices/device_catalog.h"

namespace softphone::cli {

void DevicesCommand::run()
{
    using media::DeviceKind;
    const media::DeviceCatalog catalog;
    for (const auto &[kind, name] :
         {std::pair{DeviceKind::Microphone, "microphone"},
          std::pair{DeviceKind::Speaker, "speaker"}, std::pair{DeviceKind::Camera, "camera"}}) {
        for (const media::MediaDevice &device : catalog.devices(kind))
            m_printer.printOrdered("device", {{"kind", name},
                                              {"id", device.id.toStdString()},
                                              {"name", device.name.toStdString()},
                                              {"default", device.isDefault},
                                              {"synthetic", device.synthetic}});
    }
    finish(ExitOk);
}

}  // namespace softphone::cli
