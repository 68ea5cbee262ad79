"""Short news stories written for these tests (not taken from any outlet)."""

SUMMIT = [
    "Japanese Prime Minister Shigeru Ishiba met U.S. President Donald Trump at the White "
    "House in Washington on Friday, the first meeting between the two leaders.",
    "The two leaders agreed to deepen cooperation on artificial intelligence and advanced "
    "semiconductors, officials from both governments said after the talks.",
    "Ishiba told reporters that Japan would keep working closely with the United States on "
    "economic security, and that both sides saw the summit as a fresh start for the alliance.",
    "Trade ministers from the two countries are expected to meet again next month to follow "
    "up on the leaders' talks.",
]

DATA_CENTER_SUMMARY = "SoftBank Group plans a large data center in Ohio."

DATA_CENTER_PAGE = [
    "SoftBank Group said on Tuesday that it would invest $3 billion in a new data center in "
    "Ohio, its largest single project in the United States so far.",
    "The company said the site would host computing capacity for artificial intelligence "
    "services and would open in two years.",
    "Local officials welcomed the plan, saying it would bring hundreds of construction jobs "
    "to the region over the next few years.",
]
