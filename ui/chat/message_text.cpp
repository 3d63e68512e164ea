#include "chat/message_text.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRegularExpression>
#include <QTextLine>
#include <cmath>

namespace softphone::ui {

QColor MessageText::linkColor()
{
    return QColor(0x15, 0x65, 0xc0);
}

QList<MessageText::Link> MessageText::findLinks(const QString &text)
{
    static const QRegularExpression candidate(QStringLiteral(R"((?:\bhttps?://|\bwww\.)[^\s<>"]+)"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QString trailing = QStringLiteral(".,;:!?'\")]}>，。；：！？）】」");
    QList<Link> links;
    for (auto it = candidate.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString address = match.captured();
        while (!address.isEmpty() && trailing.contains(address.back())) {
            // A closing bracket belongs to the address when it opened one (wiki links).
            const QChar last = address.back();
            if (last == QLatin1Char(')') && address.count(u'(') >= address.count(u')'))
                break;
            address.chop(1);
        }
        const bool bare = address.startsWith(QLatin1String("www."), Qt::CaseInsensitive);
        const QUrl url(bare ? QStringLiteral("http://") + address : address, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty())
            links.append({int(match.capturedStart()), int(address.size()), url});
    }
    return links;
}

MessageText::MessageText(const QString &body, const QFont &font, int maxWidth)
    : m_layout(std::make_unique<QTextLayout>(body, font))
    , m_links(findLinks(body))
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_layout->setTextOption(option);
    QList<QTextLayout::FormatRange> formats;
    for (const Link &link : m_links) {
        QTextCharFormat format;
        format.setForeground(linkColor());
        format.setFontUnderline(true);
        formats.append({link.start, link.length, format});
    }
    m_layout->setFormats(formats);
    const int leading = QFontMetrics(font).leading();
    qreal height = 0;
    qreal width = 0;
    m_layout->beginLayout();
    for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
        line.setLineWidth(maxWidth);
        height += leading;
        line.setPosition(QPointF(0, height));
        height += line.height();
        width = std::max(width, line.naturalTextWidth());
    }
    m_layout->endLayout();
    m_size = QSize(int(std::ceil(width)), int(std::ceil(height)));
}

void MessageText::draw(QPainter *painter, const QPoint &topLeft, const QColor &text) const
{
    painter->save();
    painter->setPen(text);
    m_layout->draw(painter, topLeft);
    painter->restore();
}

QUrl MessageText::linkAt(const QPoint &point) const
{
    if (m_links.isEmpty())
        return {};
    for (int i = 0; i < m_layout->lineCount(); ++i) {
        const QTextLine line = m_layout->lineAt(i);
        const QRectF bounds(line.position(), QSizeF(line.naturalTextWidth(), line.height()));
        if (!bounds.contains(point))
            continue;
        const int cursor =
            line.xToCursor(point.x() - line.position().x(), QTextLine::CursorOnCharacter);
        for (const Link &link : m_links) {
            if (cursor >= link.start && cursor < link.start + link.length)
                return link.url;
        }
        return {};
    }
    return {};
}

}  // namespace softphone::ui
