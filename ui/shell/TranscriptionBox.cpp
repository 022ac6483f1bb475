#include "TranscriptionBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace {
// The combo's data: a choice, and for Local the engine's id.
QString dataOf(TranscriptionSettings::Choice choice, const QString &engine = {})
{
    return QString::number(int(choice)) + QLatin1Char(':') + engine;
}
} // namespace

TranscriptionBox::TranscriptionBox(const TranscriptionSettings &settings,
                                   const QList<SpeechEngineInfo> &engines, bool hasKey,
                                   QWidget *parent)
    : QGroupBox(tr("Voice to text"), parent)
    , m_base(settings)
    , m_choice(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_background(new QCheckBox(tr("Also turn voice messages into text in the &background as "
                                    "they arrive"),
                                 this))
    , m_url(new QLineEdit(settings.url, this))
    , m_model(new QLineEdit(settings.model, this))
    , m_key(new QLineEdit(this))
    , m_note(new QLabel(this))
    , m_service(new QWidget(this))
{
    using Choice = TranscriptionSettings::Choice;
    m_choice->addItem(tr("Automatic: the server's, else on this computer"),
                      dataOf(Choice::Automatic));
    m_choice->addItem(tr("Only the server's"), dataOf(Choice::Server));
    for (const SpeechEngineInfo &engine : engines) {
        if (engine.id == QLatin1String("speech-segmenter"))
            continue; // finds where speech is; writes no text
        m_engines << engine;
        m_choice->addItem(tr("On this computer with %1").arg(engine.name),
                          dataOf(Choice::Local, engine.id));
    }
    m_choice->addItem(tr("Off"), dataOf(Choice::Off));
    const int current = m_choice->findData(
        dataOf(settings.choice, settings.choice == Choice::Local ? settings.engine : QString()));
    m_choice->setCurrentIndex(qMax(0, current));
    m_choice->setAccessibleName(tr("Transcription"));

    m_language->addItem(tr("Mandarin Chinese"), QStringLiteral("zh-CN"));
    m_language->addItem(tr("English"), QStringLiteral("en-US"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.speechLanguage)));
    m_language->setAccessibleName(tr("Language spoken"));
    m_background->setChecked(settings.background);

    m_url->setPlaceholderText(QStringLiteral("http://10.0.0.5:8080"));
    m_url->setAccessibleName(tr("Service address"));
    m_model->setAccessibleName(tr("Model"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(hasKey ? tr("(kept in the keychain; type to replace)")
                                     : tr("(none)"));
    m_key->setAccessibleName(tr("API key"));
    auto *service = new QFormLayout(m_service);
    service->setContentsMargins(0, 0, 0, 0);
    service->addRow(tr("Service &address:"), m_url);
    service->addRow(tr("&Model:"), m_model);
    service->addRow(tr("API &key:"), m_key);

    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Turn voice messages into text:"), m_choice);
    form->addRow(tr("Voice messages are &spoken in:"), m_language);
    form->addRow(m_background);
    form->addRow(m_service);
    form->addRow(m_note);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &TranscriptionBox::showChoice);
    showChoice();
}

void TranscriptionBox::showChoice()
{
    using Choice = TranscriptionSettings::Choice;
    const TranscriptionSettings chosen = settings();
    const auto engine =
        std::find_if(m_engines.cbegin(), m_engines.cend(),
                     [&](const SpeechEngineInfo &e) { return e.id == chosen.engine; });
    const bool local = chosen.choice == Choice::Local && engine != m_engines.cend();
    const bool http = local && !engine->offline;
    m_service->setVisible(http);
    m_background->setEnabled(chosen.runsLocally());
    QString note;
    switch (chosen.choice) {
    case Choice::Automatic:
        note = tr("When the server turns voice messages into text, its text is shown and nothing "
                  "runs here. Otherwise the offline engine on this computer is used if its model "
                  "is for the language spoken.");
        break;
    case Choice::Server:
        note = tr("Only text the server makes is shown; nothing runs on this computer.");
        break;
    case Choice::Off:
        note = tr("Nothing is turned into text on this computer. Text the server makes is still "
                  "shown.");
        break;
    case Choice::Local:
        note = http ? tr("Recordings are sent to the service at the address above: they leave "
                         "this computer. The key is kept in the system keychain, not in a file.")
                    : tr("Offline: recordings stay on this computer. The model Debian ships "
                         "understands English only; for Mandarin an administrator installs a "
                         "Mandarin model (see the README).");
        break;
    }
    m_note->setText(note);
}

TranscriptionSettings TranscriptionBox::settings() const
{
    TranscriptionSettings t = m_base;
    const QString data = m_choice->currentData().toString();
    t.choice = TranscriptionSettings::Choice(data.section(QLatin1Char(':'), 0, 0).toInt());
    if (t.choice == TranscriptionSettings::Choice::Local)
        t.engine = data.section(QLatin1Char(':'), 1);
    t.speechLanguage = m_language->currentData().toString();
    t.background = m_background->isChecked();
    t.url = m_url->text().trimmed();
    t.model = m_model->text().trimmed();
    return t;
}

std::optional<QString> TranscriptionBox::newKey() const
{
    if (m_key->text().isEmpty())
        return std::nullopt;
    return m_key->text().trimmed();
}
