#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace softphone::ui {

class AppSettings;

// Ring timeout, language, call records, do not disturb, and whether this device takes calls.
// Saved to AppSettings when accepted.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);

    void save();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    AppSettings *m_settings;
    QLabel *m_ringLabel;
    QSpinBox *m_ringTimeout;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QCheckBox *m_records;
    QCheckBox *m_dnd;
    QCheckBox *m_acceptCalls;
    QDialogButtonBox *m_buttons;
};

}  // namespace softphone::ui
