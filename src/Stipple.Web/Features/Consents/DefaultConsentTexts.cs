using Stipple.Domain;

namespace Stipple.Web.Features.Consents;

/// <summary>
/// The texts a studio starts with: version 1 of each consent, written once per studio the first time its templates are
/// read. Owners edit them under Settings → Consent forms. Plain text as <see cref="Documents.PlainText"/> reads it:
/// paragraphs separated by blank lines, "- " lines as bullets.
/// </summary>
public static class DefaultConsentTexts
{
    public static (string Title, string Body) For(ConsentKind kind) => kind switch
    {
        ConsentKind.SmpTreatment => ("Consent to scalp micropigmentation (SMP)", SmpTreatment),
        ConsentKind.PhotoUse => ("Consent to photographs", PhotoUse),
        ConsentKind.DataProcessing => ("How the studio uses your personal information", DataProcessing),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private const string SmpTreatment = """
        What SMP is
        Scalp micropigmentation (SMP) places thousands of tiny dots of pigment in the upper layers of the skin of your scalp with a fine needle. The dots look like closely cut hair, or add density between the hair you have. SMP does not grow hair and does not stop hair loss.

        It is permanent
        SMP is permanent cosmetic tattooing. The pigment is meant to stay in your skin. It can only be lightened or removed with laser or other medical treatment, which takes several sessions, costs money, may not remove it completely, and can leave scars or lighter or darker patches of skin.

        Results
        Results vary from person to person: they depend on your skin, your scalp, your health, sun exposure and how well you follow the aftercare. The dots soften and fade over time, so touch-up sessions are needed to keep the look.

        A treatment usually needs 2 to 4 sessions, at least 7 days apart, so that the skin heals between sessions.

        What to expect after each session
        - Redness of the scalp for 1 to 2 days.
        - Light scabbing or flaking for several days while the skin heals.
        - Fresh work looks darker and the dots larger than they will be once healed.

        Risks
        As with any tattoo, there are risks. They include:
        - Infection. Contact a doctor straight away if you notice increasing pain, swelling, heat, red streaks spreading from the area, pus, a fever, or swollen lymph nodes (glands), for example in the neck or behind the ears.
        - An allergic reaction to the pigment, during treatment or later.
        - Granulomas or sarcoid reactions: lumps in the skin around the pigment, which can appear months or even years after treatment.
        - Keloid or raised scarring, more likely if you have had keloids before.
        - The colour of the pigment changing over time, for example turning bluish or greenish.
        - Pigment in the scalp can make it harder to spot skin cancer or changes in moles there. Keep having your skin checked and tell your doctor you have SMP.
        - Tell the radiologist or radiographer that you have SMP before any MRI scan. Rarely, tattooed skin feels warm or swells during a scan.

        Aftercare
        You will be given written aftercare instructions and you must follow them. Not following them can lead to infection, poor healing and patchy results.

        By signing, I confirm that:
        - I have read and understood this information and have been able to ask questions.
        - I answered the health questionnaire truthfully and completely, and I will tell the studio about any change to my health or my medicines before each session.
        - I am not under the influence of alcohol or drugs.
        - I am 18 years old or over.
        - I consent to scalp micropigmentation by the studio.
        """;

    private const string PhotoUse = """
        Photos for your treatment record
        The studio always takes photos of your scalp before, during and after treatment. They are part of your treatment record: they are needed to plan the treatment, choose the pigment and check healing and results. They are stored securely with your record and are only shown to the studio's staff and to you.

        Portfolio and social media
        The studio would also like to show its work on its website, on social media and in its portfolio. Your photos are used for this only if you tick the separate box for it. Saying no does not change your treatment in any way.

        You may withdraw your permission for portfolio and social media use at any time by telling the studio. Your photos will then not be used in anything new. Photos that were already published may not be possible to remove everywhere.

        By signing, I confirm that I have read how the studio uses photos of me, and I agree to photos being taken and kept as part of my treatment record.
        """;

    private const string DataProcessing = """
        What the studio keeps about you
        - Who you are and how to reach you: your name, date of birth, e-mail address and phone number.
        - Your answers to the health questionnaire, and notes about your treatment.
        - Photos of your scalp.
        - The pigments used on you and their lot (batch) numbers, so you can be told if a batch is ever recalled.
        - The consents you sign.

        Why
        To treat you safely: to check that SMP is suitable for you, and to plan and record your treatment. And to keep the records the law expects a studio to keep, for example after a reaction, a complaint or a pigment recall. Your health answers are used only for your care.

        Who sees it
        Only the studio's staff. The studio's software provider stores it securely on the studio's behalf. It is not sold or used for marketing, and it is only shared when the law requires it, or with your doctor if you ask.

        How long it is kept
        For the studio's retention period: 5 years after your last treatment unless the studio tells you otherwise. After that it is deleted.

        Your rights
        You can ask to see the information the studio holds about you, ask for anything wrong to be corrected, and ask for it to be erased where the law allows (treatment records may have to be kept until the retention period ends). You can also complain to the data protection authority.

        To use any of these rights, or if you have a question, contact the studio.

        By signing, I confirm that I have read how the studio uses my personal information.
        """;
}
