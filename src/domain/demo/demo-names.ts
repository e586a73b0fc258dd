import type { NameGroup } from "./demo-countries.js";
import type { Seniority } from "./demo-lead-profile.js";

/** First and last names common in each name group. */
export const DEMO_NAMES: Record<NameGroup, { first: readonly string[]; last: readonly string[] }> = {
  english: {
    first: ["James", "Olivia", "Michael", "Emily", "David", "Sophia", "Sarah", "Chris", "Jessica", "Ryan", "Megan", "Kevin", "Lauren", "Brian", "Rachel", "Jason", "Hannah", "Marcus", "Priya", "Wei", "Carlos", "Aisha", "Tom", "Kate", "Liam", "Zoe", "Jack", "Amelia", "Noah", "Nadia", "Omar", "Grace"],
    last: ["Smith", "Johnson", "Brown", "Miller", "Davis", "Garcia", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Patel", "Chen", "Murphy", "O'Brien", "Kelly", "Evans", "Hughes", "Reyes", "Okoye"],
  },
  german: {
    first: ["Lukas", "Anna", "Felix", "Lena", "Jonas", "Laura", "Maximilian", "Julia", "Paul", "Sophie", "Leon", "Marie", "Tobias", "Katharina", "Jan", "Hannah", "Elif", "Deniz"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Yilmaz", "Krüger"],
  },
  french: {
    first: ["Louis", "Camille", "Hugo", "Manon", "Lucas", "Léa", "Thomas", "Inès", "Antoine", "Julie", "Nicolas", "Sarah", "Mathieu", "Claire", "Karim", "Yasmine"],
    last: ["Martin", "Bernard", "Dubois", "Durand", "Leroy", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Garnier", "Faure", "Rousseau", "Girard", "Benali", "Mercier"],
  },
  spanish: {
    first: ["Javier", "Lucía", "Alejandro", "María", "Pablo", "Carmen", "Diego", "Laura", "Sergio", "Elena", "Álvaro", "Marta"],
    last: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno"],
  },
  dutch: {
    first: ["Daan", "Emma", "Sem", "Julia", "Lucas", "Sophie", "Thijs", "Lotte", "Bram", "Fenna", "Jesse", "Sanne"],
    last: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos"],
  },
  swedish: {
    first: ["Erik", "Elsa", "Oskar", "Maja", "Lars", "Astrid", "Johan", "Ingrid", "Nils", "Karin", "Anders", "Sofia"],
    last: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindberg", "Berg"],
  },
};

/** Job titles as people type them, by seniority. */
export const DEMO_TITLES: Record<Seniority, readonly string[]> = {
  executive: ["CEO", "COO", "Founder", "Co-founder & CEO", "Chief Revenue Officer", "Managing Director"],
  vp: ["VP of Sales", "VP Revenue Operations", "VP of Marketing", "VP Business Development"],
  director: ["Sales Director", "Director of Revenue Operations", "Head of Sales", "Head of Growth", "Director of Demand Generation"],
  manager: ["Sales Manager", "Revenue Operations Manager", "Marketing Manager", "Inside Sales Manager", "Sales Operations Manager"],
  individual: ["Account Executive", "Sales Development Representative", "Marketing Specialist", "Business Development Representative", "Operations Analyst"],
  student: ["Student", "MBA Candidate", "Looking for opportunities"],
};
