#pragma once

#include <QFont>
#include <QList>
#include <QSize>
#include <QString>
#include <QTextLayout>
#include <QUrl>
#include <memory>

class QPainter;

namespace softphone::ui {

// A text message's body laid out for its bubble: wrapped at a width, its web links found,
// coloured and underlined, and found again under a point for a click.
class MessageText
{
public:
    struct Link
    {
        int start = 0;
        int length = 0;
        QUrl url;
    };

    MessageText(const QString &body, const QFont &font, int maxWidth);

    QSize size() const { return m_size; }
    void draw(QPainter *painter, const QPoint &topLeft, const QColor &text) const;
    // The link under `point` (relative to the text's top left), or an empty URL.
    QUrl linkAt(const QPoint &point) const;
    const QList<Link> &links() const { return m_links; }

    // http://, https:// and www. addresses in `text`, without the punctuation that ends a
    // sentence around them.
    static QList<Link> findLinks(const QString &text);
    static QColor linkColor();

private:
    std::unique_ptr<QTextLayout> m_layout;
    QList<Link> m_links;
    QSize m_size;
};

}  // namespace softphone::ui
