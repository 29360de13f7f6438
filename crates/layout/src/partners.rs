//! A samenwerkingsverband's view of its partner list (`cirkel partners`):
//! for each partner the schools they serve, on which ring and in which
//! routes ("Sanne Bakker, CJG-coach: 7 scholen"), and the members of the
//! schools that look like a listed partner but do not refer to them (the
//! same role and name written out), with the fix.

use cirkel_core::{Kernteam, Lang, Member, PartnerList, person_key, role_key};

use crate::describe::{Block, DescribeFormat, heading, user, write};

/// The overview of `list` over `schools` (each with the name it is shown
/// by, parsed with the list) as text or Markdown.
pub fn describe_partners(
    list: &PartnerList,
    schools: &[(String, Kernteam)],
    lang: Lang,
    format: DescribeFormat,
) -> String {
    write(&partner_blocks(list, schools, lang, format), format)
}

/// [`describe_partners`] as blocks.
pub fn partner_blocks(
    list: &PartnerList,
    schools: &[(String, Kernteam)],
    lang: Lang,
    format: DescribeFormat,
) -> Vec<Block> {
    let count = |n: usize| match n {
        1 => lang.pick("1 school", "1 school").to_string(),
        n => format!("{n} {}", lang.pick("scholen", "schools")),
    };
    let mut blocks = vec![
        heading(
            1,
            format!(
                "{} – {}",
                lang.pick("Partners en hun scholen", "Partners and their schools"),
                count(schools.len())
            ),
        ),
        Block::Paragraph(format!(
            "{} {}.",
            lang.pick("Partnerlijst:", "Partner list:"),
            user(
                format,
                std::path::Path::new(&list.file)
                    .file_name()
                    .map_or(list.file.as_str(), |n| n.to_str().unwrap_or_default())
            )
        )),
    ];
    for p in &list.partners {
        let serves: Vec<(&str, &Kernteam, &Member)> = schools
            .iter()
            .flat_map(|(name, k)| {
                k.members
                    .iter()
                    .filter(|m| m.partner.as_deref() == Some(p.id.as_str()))
                    .map(move |m| (name.as_str(), k, m))
            })
            .collect();
        let schools_served = {
            let mut names: Vec<&str> = serves.iter().map(|s| s.0).collect();
            names.dedup();
            names.len()
        };
        blocks.push(heading(
            2,
            format!("{} ({}): {}", who(&p.member), p.id, count(schools_served)),
        ));
        for (name, k, m) in serves {
            blocks.push(Block::Item(place(name, k, m, lang, format)));
        }
    }
    let look_alikes: Vec<String> = schools
        .iter()
        .flat_map(|(name, k)| {
            k.members.iter().enumerate().filter_map(move |(i, m)| {
                let p = list.partners.iter().find(|p| same_person(&p.member, m))?;
                (m.partner.is_none()).then(|| {
                    format!(
                        "{}, {} {}: {} {} \"{}\": {}",
                        user(format, name),
                        lang.pick("lid", "member"),
                        i + 1,
                        user(format, &who(m)),
                        lang.pick("lijkt op partner", "looks like partner"),
                        user(format, &p.id),
                        lang.pick(
                            &format!(
                                "schrijf \"partner\": \"{}\" en laat weg wat de lijst al zegt",
                                p.id
                            ),
                            &format!(
                                "write \"partner\": \"{}\" and leave out what the list says",
                                p.id
                            ),
                        )
                    )
                })
            })
        })
        .collect();
    if !look_alikes.is_empty() {
        blocks.push(heading(
            2,
            lang.pick("Niet aan de lijst gekoppeld", "Not linked to the list"),
        ));
        blocks.extend(look_alikes.into_iter().map(Block::Item));
    }
    blocks
}

/// "Sanne Bakker, CJG-coach" (or the role alone).
fn who(m: &Member) -> String {
    match &m.name {
        Some(n) => format!("{n}, {}", m.role),
        None => m.role.clone(),
    }
}

/// "OBS De Ark: ring 2 (Kernteam); routes: Verzuim, Gedrag (opschalen)".
fn place(school: &str, k: &Kernteam, m: &Member, lang: Lang, format: DescribeFormat) -> String {
    let ring = k.rings.get(m.ring).map_or("", |r| r.label.as_str());
    let mut s = format!(
        "{}: ring {} ({})",
        user(format, school),
        m.ring + 1,
        user(format, ring)
    );
    let routes: Vec<String> = k
        .routes
        .iter()
        .filter_map(|r| {
            if r.steps.contains(&m.id) {
                Some(user(format, &r.question))
            } else if r.escalation.contains(&m.id) {
                Some(format!(
                    "{} ({})",
                    user(format, &r.question),
                    lang.pick("opschalen", "escalation")
                ))
            } else {
                None
            }
        })
        .collect();
    if routes.is_empty() {
        s.push_str(&format!("; {}", lang.pick("geen route", "no route")));
    } else {
        s.push_str(&format!(
            "; {}: {}",
            lang.pick("routes", "routes"),
            routes.join(", ")
        ));
    }
    s
}

/// The same role and the same name, however written.
fn same_person(partner: &Member, m: &Member) -> bool {
    let key = |m: &Member| {
        m.catalogue_role
            .clone()
            .unwrap_or_else(|| role_key(&m.role))
    };
    let name = |m: &Member| m.name.as_deref().map(person_key).filter(|n| !n.is_empty());
    key(partner) == key(m) && name(partner).is_some() && name(partner) == name(m)
}

/// The overview as tables (`cirkel partners --format xlsx`): a row per
/// partner and school they serve (a partner who serves none gets one row
/// without school), and a row per look-alike.
pub fn partner_rows(
    list: &PartnerList,
    schools: &[(String, Kernteam)],
    lang: Lang,
) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut serves = Vec::new();
    for p in &list.partners {
        let mut rows = Vec::new();
        for (name, k) in schools {
            for m in k
                .members
                .iter()
                .filter(|m| m.partner.as_deref() == Some(p.id.as_str()))
            {
                let ring = k.rings.get(m.ring).map_or("", |r| r.label.as_str());
                let routes: Vec<&str> = k
                    .routes
                    .iter()
                    .filter(|r| r.steps.contains(&m.id) || r.escalation.contains(&m.id))
                    .map(|r| r.question.as_str())
                    .collect();
                rows.push(vec![
                    p.id.clone(),
                    p.member.name.clone().unwrap_or_default(),
                    p.member.role.clone(),
                    name.clone(),
                    format!("{} ({ring})", m.ring + 1),
                    routes.join(" | "),
                ]);
            }
        }
        if rows.is_empty() {
            rows.push(vec![
                p.id.clone(),
                p.member.name.clone().unwrap_or_default(),
                p.member.role.clone(),
                lang.pick("(geen school)", "(no school)").to_string(),
                String::new(),
                String::new(),
            ]);
        }
        serves.extend(rows);
    }
    let mut alike = Vec::new();
    for (name, k) in schools {
        for (i, m) in k.members.iter().enumerate() {
            if m.partner.is_some() {
                continue;
            }
            if let Some(p) = list.partners.iter().find(|p| same_person(&p.member, m)) {
                alike.push(vec![
                    name.clone(),
                    (i + 1).to_string(),
                    m.role.clone(),
                    m.name.clone().unwrap_or_default(),
                    p.id.clone(),
                ]);
            }
        }
    }
    (serves, alike)
}
