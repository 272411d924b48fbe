// Test only: a node that holds a kind's id but lacks the :Entity label, so that writing that id
// through MERGE (:Entity {id}) then adding the kind label breaks the kind's uniqueness constraint.
CREATE (:Company {id: $id, name: $id})
