#pragma once

#include <QPointer>
#include <QWidget>

namespace softphone::ui {

// The call's video: one picture filling the area and a small one in its bottom-right corner
// (the remote video and the local preview). Each is a widget of the media layer, not owned
// and given back when replaced or when the stage goes, or the stage's own placeholder.
class VideoStage : public QWidget
{
    Q_OBJECT

public:
    explicit VideoStage(QWidget *parent = nullptr);
    ~VideoStage() override;

    // Shown while there is no video widget; the stage takes them.
    void setPlaceholders(QWidget *main, QWidget *inset);
    // Null for either: its placeholder.
    void setVideoWidgets(QWidget *main, QWidget *inset);
    void setInsetVisible(bool visible);
    // False: the main placeholder stands in for the main video widget, which stays adopted
    // (moving a video widget in and out of a window costs more than hiding it).
    void setMainVisible(bool visible);
    // What the main area and the corner show now: a video widget or a placeholder.
    QWidget *mainWidget() const;
    QWidget *insetWidget() const;
    QRect insetGeometry() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void adopt(QPointer<QWidget> &slot, QWidget *widget);
    static void release(QWidget *widget);
    void arrange();

    QWidget *m_mainPlaceholder = nullptr;
    QWidget *m_insetPlaceholder = nullptr;
    QPointer<QWidget> m_main;
    QPointer<QWidget> m_inset;
    bool m_insetVisible = false;
    bool m_mainVisible = true;
};

}  // namespace softphone::ui
