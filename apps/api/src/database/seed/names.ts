/**
 * Fictional names for demo staff, in the mix of backgrounds found in the NHS workforce. Any
 * resemblance to a real person is chance: names are paired at random.
 */

export interface NamePool {
  key: string;
  /** Relative share of the workforce. */
  weight: number;
  first: readonly string[];
  last: readonly string[];
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    key: 'british',
    weight: 56,
    first: [
      'Olivia', 'Emily', 'Sophie', 'Charlotte', 'Hannah', 'Jessica', 'Lucy', 'Amy', 'Laura', 'Rebecca',
      'Sarah', 'Emma', 'Rachel', 'Claire', 'Helen', 'Joanne', 'Karen', 'Julie', 'Susan', 'Nicola',
      'Gemma', 'Kirsty', 'Megan', 'Chloe', 'Eleanor', 'Bethan', 'Rhiannon', 'Catriona', 'Fiona', 'Margaret',
      'Pauline', 'Lesley', 'Elaine', 'Tracey', 'Dawn', 'Jade', 'Holly', 'Ellie', 'Georgia', 'Zoe',
      'Abigail', 'Kerry', 'Natalie', 'Victoria', 'Katie', 'Jennifer', 'Lisa', 'Michelle', 'Donna', 'Carol',
      'Jack', 'James', 'Thomas', 'Daniel', 'Matthew', 'Oliver', 'Harry', 'George', 'William', 'Samuel',
      'Joseph', 'Ryan', 'Liam', 'Callum', 'Craig', 'Gareth', 'Rhys', 'Dylan', 'Stuart', 'Paul',
      'Mark', 'Andrew', 'Richard', 'David', 'Steven', 'Gary', 'Lee', 'Darren', 'Carl', 'Neil',
      'Ian', 'Martin', 'Graham', 'Alan', 'Keith', 'Shaun', 'Christopher', 'Alexander', 'Jonathan', 'Owen',
    ],
    last: [
      'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
      'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
      'Lewis', 'Harris', 'Clarke', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
      'Morris', 'Moore', 'Clark', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott',
      'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Cook',
      'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Miller', 'Cox', 'Richards', 'Marshall',
      'Anderson', 'Simpson', 'Ellis', 'Adams', 'Wilkinson', 'Campbell', 'Stewart', 'MacDonald', 'Fraser', 'Reid',
      'Llewellyn', 'Pritchard', 'Howells', 'Jenkins', 'Rees', 'Powell', 'Holmes', 'Fletcher', 'Barker', 'Dixon',
      'Lloyd', 'Palmer', 'Hunt', 'Webb', 'Chapman', 'Mason', 'Rogers', 'Gray', 'Sutherland', 'Docherty',
      'Ferguson', 'Burns', 'Atkinson', 'Hartley', 'Pearson', 'Sanderson', 'Whitehead', 'Booth', 'Dawson', 'Nicholson',
    ],
  },
  {
    key: 'irish',
    weight: 4,
    first: [
      'Aoife', 'Siobhan', 'Niamh', 'Ciara', 'Orla', 'Sinead', 'Roisin', 'Grainne', 'Fionnuala', 'Mairead',
      'Eoin', 'Ciaran', 'Padraig', 'Declan', 'Conor', 'Seamus', 'Cathal', 'Brendan', 'Colm', 'Aidan',
    ],
    last: [
      "O'Brien", "O'Connor", 'Murphy', 'Byrne', 'Ryan', "O'Sullivan", 'Doyle', 'McCarthy', 'Gallagher', 'Kennedy',
      'Lynch', 'Quinn', 'Brennan', 'Fitzgerald', 'Nolan', 'Kavanagh', "O'Neill", 'Maguire', 'McLaughlin', 'Donnelly',
    ],
  },
  {
    key: 'south-asian',
    weight: 12,
    first: [
      'Priya', 'Aisha', 'Fatima', 'Ayesha', 'Zainab', 'Sana', 'Amira', 'Nadia', 'Anjali', 'Deepa',
      'Kavita', 'Sunita', 'Harpreet', 'Simran', 'Jaspreet', 'Mehwish', 'Shabnam', 'Rukhsana', 'Nusrat', 'Farzana',
      'Shreya', 'Pooja', 'Divya', 'Meera', 'Yasmin', 'Mohammed', 'Muhammad', 'Ali', 'Ahmed', 'Imran',
      'Bilal', 'Hassan', 'Usman', 'Omar', 'Arjun', 'Rohan', 'Vikram', 'Sanjay', 'Rajesh', 'Amit',
      'Harjit', 'Gurpreet', 'Kiran', 'Nikhil', 'Tariq', 'Abdul', 'Rahul', 'Suresh', 'Anand', 'Ravi',
    ],
    last: [
      'Patel', 'Khan', 'Ahmed', 'Hussain', 'Ali', 'Shah', 'Begum', 'Singh', 'Kaur', 'Sharma',
      'Iqbal', 'Akhtar', 'Rahman', 'Chowdhury', 'Mahmood', 'Malik', 'Gill', 'Sandhu', 'Dhillon', 'Kumar',
      'Gupta', 'Mistry', 'Parmar', 'Chauhan', 'Rana', 'Bhatti', 'Qureshi', 'Siddiqui', 'Islam', 'Uddin',
      'Miah', 'Nair', 'Menon', 'Pillai', 'Reddy', 'Rao', 'Desai', 'Joshi', 'Mehta', 'Bhatt',
    ],
  },
  {
    key: 'keralan',
    weight: 3,
    first: [
      'Anu', 'Reshma', 'Jincy', 'Smitha', 'Bincy', 'Sheeba', 'Soumya', 'Tintu', 'Liji', 'Sini',
      'Jomon', 'Shibu', 'Binu', 'Anish', 'Jithin', 'Rajan', 'Sijo', 'Tomy',
    ],
    last: [
      'Thomas', 'Joseph', 'Varghese', 'Mathew', 'George', 'Kurian', 'Abraham', 'Jacob', 'John', 'Philip',
      'Cherian', 'Kuriakose', 'Antony', 'Chacko', 'Paul',
    ],
  },
  {
    key: 'black-british-african-caribbean',
    weight: 11,
    first: [
      'Adaeze', 'Chiamaka', 'Ngozi', 'Chioma', 'Folake', 'Funmilayo', 'Abimbola', 'Yetunde', 'Ama', 'Akosua',
      'Abena', 'Efua', 'Grace', 'Blessing', 'Precious', 'Joy', 'Patience', 'Comfort', 'Esther', 'Faith',
      'Mercy', 'Tendai', 'Nyasha', 'Chipo', 'Wanjiru', 'Amara', 'Kemi', 'Tolu', 'Shanice', 'Keisha',
      'Marcia', 'Beverley', 'Hyacinth', 'Chinedu', 'Emeka', 'Obinna', 'Olumide', 'Oluwaseun', 'Tunde', 'Kwame',
      'Kofi', 'Kwabena', 'Yaw', 'Emmanuel', 'Michael', 'Tinashe', 'Tafadzwa', 'Jermaine', 'Marcus', 'Delroy',
      'Winston', 'Leroy', 'Jerome', 'Andre', 'Samuel', 'Daniel',
    ],
    last: [
      'Okafor', 'Okonkwo', 'Adeyemi', 'Adebayo', 'Balogun', 'Okoro', 'Eze', 'Nwosu', 'Ogunleye', 'Afolabi',
      'Mensah', 'Owusu', 'Asante', 'Boateng', 'Osei', 'Appiah', 'Agyeman', 'Darko', 'Moyo', 'Ncube',
      'Mutasa', 'Dube', 'Banda', 'Phiri', 'Kamara', 'Conteh', 'Bangura', 'Mwangi', 'Otieno', 'Francis',
      'Grant', 'Henry', 'Baptiste', 'Charles', 'Campbell', 'Clarke', 'Thompson', 'Williams', 'Brown', 'Joseph',
    ],
  },
  {
    key: 'filipino',
    weight: 4,
    first: [
      'Maria', 'Jocelyn', 'Rowena', 'Marites', 'Analyn', 'Rosario', 'Cherry', 'Maricel', 'Lovely', 'Mary Jane',
      'Jasmine', 'Rhea', 'Aileen', 'Liza', 'Romeo', 'Jose', 'Mark Anthony', 'Ramon', 'Rodel', 'Arnel',
      'Reynaldo', 'Jericho',
    ],
    last: [
      'Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Dela Cruz', 'Ramos', 'Aquino', 'Villanueva',
      'Castillo', 'Flores', 'Gonzales', 'Mercado', 'Navarro', 'Tolentino', 'Manalo', 'Soriano', 'Pascual', 'Dizon',
    ],
  },
  {
    key: 'european',
    weight: 6,
    first: [
      'Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Anna', 'Marta', 'Ewa', 'Piotr', 'Tomasz', 'Krzysztof',
      'Paweł', 'Michał', 'Andreea', 'Ioana', 'Elena', 'Mihai', 'Andrei', 'Inês', 'Beatriz', 'João',
      'Miguel', 'Giulia', 'Francesca', 'Marco', 'Luca', 'Lucía', 'Carmen', 'Javier', 'Pablo', 'Eleni',
      'Dimitris', 'Sofia', 'Katerina', 'Lukas', 'Jana', 'Petra', 'Zsófia', 'László', 'Ivana', 'Nikola',
    ],
    last: [
      'Nowak', 'Wójcik', 'Kowalczyk', 'Kaczmarek', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Wieczorek', 'Pawlak',
      'Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Silva', 'Ferreira', 'Pereira', 'Costa', 'Oliveira',
      'Rossi', 'Russo', 'Ferrari', 'Esposito', 'García', 'Fernández', 'López', 'Martínez', 'Georgiou', 'Nikolaou',
      'Christodoulou', 'Novák', 'Horváth', 'Nagy', 'Kovač', 'Petrović', 'Schmidt', 'Müller',
    ],
  },
  {
    key: 'east-asian',
    weight: 2,
    first: ['Mei', 'Hui', 'Xin', 'Ying', 'Wei', 'Jun', 'Hao', 'Jia', 'Ka Yan', 'Wing', 'Thanh', 'Linh', 'Minh'],
    last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Wong', 'Chan', 'Lam', 'Ng', 'Cheung', 'Tan', 'Lim', 'Ho', 'Leung', 'Nguyen', 'Tran', 'Pham'],
  },
  {
    key: 'middle-eastern',
    weight: 2,
    first: ['Layla', 'Noor', 'Rania', 'Mariam', 'Huda', 'Dina', 'Karim', 'Youssef', 'Khalid', 'Samir', 'Rami', 'Ziad'],
    last: ['Haddad', 'Mansour', 'Khalil', 'Nasser', 'Hamdan', 'Aziz', 'Saleh', 'Abdullah', 'Farah', 'Hassan', 'Karimi', 'Ahmadi'],
  },
];

/** Names people often go by, for the preferred_name column. */
export const NICKNAMES: Readonly<Record<string, string>> = {
  Abigail: 'Abi', Alexander: 'Alex', Andrew: 'Andy', Christopher: 'Chris', Daniel: 'Dan', Eleanor: 'Ellie',
  Jennifer: 'Jen', Jessica: 'Jess', Jonathan: 'Jon', Joseph: 'Joe', Katarzyna: 'Kasia', Magdalena: 'Magda',
  Margaret: 'Maggie', Matthew: 'Matt', Mohammed: 'Mo', Muhammad: 'Mo', Nicola: 'Nicky', Oliver: 'Ollie',
  Oluwaseun: 'Seun', Olumide: 'Mide', Funmilayo: 'Funmi', Folake: 'Fola', Chinedu: 'Nedu', Padraig: 'Paddy',
  Rajesh: 'Raj', Rebecca: 'Becky', Richard: 'Rich', Samuel: 'Sam', Steven: 'Steve', Thomas: 'Tom',
  Victoria: 'Vicky', Vikram: 'Vik', William: 'Will', Emmanuel: 'Manny', Catriona: 'Cat', Abimbola: 'Bimbo',
  'Mary Jane': 'MJ', 'Mark Anthony': 'Mark', Krzysztof: 'Chris', Tafadzwa: 'Taf',
};

/** An e-mail-safe local part: no accents, spaces or apostrophes. */
export function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z-]/g, '');
}
