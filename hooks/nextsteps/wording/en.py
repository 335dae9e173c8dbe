"""English, as GOV.UK writes it: short sentences, plain words, British spelling.

Keys name where the words appear. ``{slots}`` are filled in by the code;
a translation keeps every slot of a phrase and may move it.
"""

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

WORDS: dict[str, str] = {
    # Dates and review lines
    "date.long": "{day} {month} {year}",
    "page.reviewed": "Last reviewed {date}",
    # Each stage, used mid-sentence: "Step 3 of 7: after an interview"
    "stage.application": "after applying",
    "stage.interview": "after an interview",
    "stage.final": "at the final stage",
    # The guide's navigation
    "nav.start": "Start page",
    "nav.stages": "Where were you turned down?",
    "nav.letters": "Letter templates",
    "nav.about": "About this guide",
    # The start page
    "start.choose": "Where were you turned down?",
    "start.tools": "Tools to help you",
    "start.tools.checklist": "[Your checklist]({href}). Tick things off as you go, or print it.",
    "start.tools.letters": "[Letter templates]({href}). Fill in a short, polite message. Then copy, email or print it.",
    # A stage's path and a step on it
    "path.steps": "Your {count} steps",
    "path.start": "Start with step 1 of {total}",
    "path.caption": "Step {number} of {total}: {stage}",
    "path.label": "Your steps: {stage}",
    "path.finish": "See your checklist for this stage",
    "path.back": "Back to all {total} steps {stage}",
    # A step's own page
    "step.paths": "Read this step for your stage",
    "step.paths.intro": "Choose where you were turned down. You will see this step with the steps before and after it.",
    "step.paths.place": "step {number} of {total}",
    "step.letters": "Letters that help with this step",
    # Where a page sends the reader next, when the brand offers no contact
    "next.letters": "Letter templates to help you",
    "next.checklist": "Your checklist",
    "next.embed": "Embed the guide on your website",
    "next.share": "Other ways to share the guide",
    # Who publishes this copy
    "contact.none": (
        "This copy of the guide does not give any contact details. "
        "If you reached it from another website, such as a recruiter's, please use the contact details on that website."
    ),
    "contact.shared_by": "This guide is shared by {name}. To tell them about a problem, {ways}.",
    "contact.email": "email {link}",
    "contact.phone": "call {link}",
    "contact.website": "use [their website]({href})",
    "contact.or": " or ",
    # Checklists
    "checklist.title": "Your checklist",
    "checklist.title.stage": "Your checklist: {stage_title}",
    "checklist.description": "Every step in the guide as a checklist you can tick, print or save in your browser.",
    "checklist.description.stage": "A checklist you can tick or print if you were {stage_title}.",
    "checklist.intro": "Here is everything to do from all the steps in this guide. Tick each thing when you have done it.",
    "checklist.intro.stage": "These are the things to do if you were {stage_title}. Tick each one when you have done it.",
    "checklist.private": "Your ticks are saved in this browser only. Nobody else can see them.",
    "checklist.print": "Print it",
    "checklist.pdf": "Download a printable checklist (PDF, {paper}{size})",
    "checklist.no_pdf": "This list is too long to print well, so there is no printable copy. Print this page instead, or tick things off here.",
    "checklist.stages": "Checklists for each stage",
    "checklist.stages.intro": "Choose where you were turned down to see only the things that matter to you.",
    "checklist.more": "More help",
    "checklist.more.stage": "the steps for your stage",
    "checklist.more.all": "The checklist for all the steps",
    # Letters
    "letters.title": "Letter templates",
    "letters.description": "Short, polite messages to send after a job rejection. Fill them in, then copy, email or print them.",
    "letters.intro": "These templates help you write short, polite messages after you are turned down for a job.",
    "letters.intro.fill": "Fill in a few details and your message is ready to copy, send or print.",
    "letters.private": "What you type stays in your browser. It is never sent to us.",
    "letters.recruiters": "For recruiters",
    "letters.recruiters.data": "The same templates are also available as data, to use in your own tools: {link}.",
    "letter.when": "**When to send it:** {when}",
    "letter.how": "**How to send it:** {how}",
    "letter.copies": "Other copies",
    "letter.docx": "Word document with gaps to fill in (.docx{size})",
    "letter.pdf": "PDF to print and fill in by hand (PDF{size})",
    "letter.all": "See all letter templates",
    "letter.example": "For example: {example}",
    "channel.email": "By email",
    "channel.letter": "As a letter, by post or by email",
    "channel.linkedin": "As a LinkedIn message",
    "noun.email": "email",
    "noun.letter": "letter",
    "noun.linkedin": "message",
    # The support page: topics, most urgent first, and where each one helps
    "support.wellbeing": "If you feel low or need to talk",
    "support.careers": "Free careers advice",
    "support.money": "Money and benefits while you look for work",
    "support.fairness": "If you think you were treated unfairly",
    "support.safety": "Job scams and fraud",
    "region.uk": "the whole UK",
    "region.england": "England",
    "region.scotland": "Scotland",
    "region.wales": "Wales",
    "region.northern-ireland": "Northern Ireland",
    "region.other": "other places",
    "list.and": " and ",
    # Widgets for other websites
    "widget.guide": "Your next steps after a job rejection",
    "widget.checklist": "Your checklist after a job rejection",
    "widget.checklist.stage": "Your checklist: {stage_title}",
    "widget.letter": "Letter template: {title}",
    "widget.open.guide": "Open the full guide",
    "widget.open": "Open this in the full guide",
    "widget.about.guide": "Every step in a few words, each linking to the full page.",
    "widget.about.checklist": "Everything to do from all the steps, to tick off. Ticks are saved in the visitor's browser.",
    "widget.about.checklist.stage": "Only the things to do for someone {stage_title}.",
}
